using System.CommandLine;
using Kiosque.Accounts;
using Kiosque.Api;

namespace Kiosque.Cli;

/// <summary>`Kiosque users create-admin|invite|list`: set-up links are printed on the last line.</summary>
public static class UsersCommand
{
    public static Command Create(IServiceProvider services)
    {
        var users = new Command("users", "Newsroom accounts.");

        var adminEmail = new Option<string>("--email") { Description = "The admin's e-mail address.", Required = true };
        var createAdmin = new Command("create-admin", "Create an admin and print a one-time set-up link (valid 24 h).") { adminEmail };
        createAdmin.SetAction((parse, ct) => WithAccountsAsync(services, parse, async accounts =>
            await accounts.CreateAdminAsync(parse.GetRequiredValue(adminEmail).Trim(), ct)));
        users.Subcommands.Add(createAdmin);

        var inviteEmail = new Option<string>("--email") { Description = "The person's e-mail address.", Required = true };
        var role = new Option<string>("--role") { Description = "admin, editor or contributor.", Required = true };
        role.AcceptOnlyFromAmong(Roles.All);
        var invite = new Command("invite", "Invite a member: e-mail and print a one-time set-up link (valid 24 h).") { inviteEmail, role };
        invite.SetAction((parse, ct) => WithAccountsAsync(services, parse, async accounts =>
            await accounts.InviteAsync(parse.GetRequiredValue(inviteEmail).Trim(), parse.GetRequiredValue(role), null, null,
                "L’administrateur du site", ct)));
        users.Subcommands.Add(invite);

        var list = new Command("list", "List the newsroom's accounts.");
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var all = await scope.ServiceProvider.GetRequiredService<NewsroomAccounts>().ListAsync(ct);
            var output = parse.InvocationConfiguration.Output;
            foreach (var u in all)
            {
                var state = u.Disabled ? "disabled" : u.Pending ? "pending" : "active";
                await output.WriteLineAsync($"{u.Email}\t{u.Role}\t{state}\t2fa:{(u.TwoFactorEnabled ? "on" : "off")}\t{u.DisplayName}");
            }
            if (all.Count == 0) await output.WriteLineAsync("No accounts yet: run `Kiosque users create-admin --email ADDRESS`.");
            return 0;
        });
        users.Subcommands.Add(list);
        return users;
    }

    static async Task<int> WithAccountsAsync(IServiceProvider services, ParseResult parse,
        Func<NewsroomAccounts, Task<AccountResult>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider.GetRequiredService<NewsroomAccounts>());
        if (!result.Succeeded)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(result.Error);
            return 1;
        }
        await parse.InvocationConfiguration.Output.WriteLineAsync("One-time set-up link, valid for 24 hours:");
        await parse.InvocationConfiguration.Output.WriteLineAsync(result.Link);
        return 0;
    }
}
