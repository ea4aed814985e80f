using System.CommandLine;
using System.Globalization;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Cli;

/// <summary>`Kiosque tokens create|list|revoke`: the token is printed once, alone on the last line.</summary>
public static class TokensCommand
{
    public static Command Create(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var tokens = new Command("tokens", "Create, list and revoke API tokens.");

        var name = new Option<string>("--name") { Required = true, Description = "What the token is for, e.g. \"wordpress-import\"." };
        var role = new Option<string>("--role") { Required = true, Description = $"One of {string.Join(", ", Roles.All)}." };
        var create = new Command("create", "Create a token; it is printed once, alone on the last line.") { name, role };
        create.SetAction(async (parse, ct) =>
        {
            var roleValue = parse.GetRequiredValue(role).Trim().ToLowerInvariant();
            var nameValue = parse.GetRequiredValue(name).Trim();
            if (!Roles.All.Contains(roleValue))
            {
                await error.WriteLineAsync($"Unknown role \"{roleValue}\": use {string.Join(", ", Roles.All)}.");
                return Cli.UsageError;
            }
            if (nameValue.Length is 0 or > 100)
            {
                await error.WriteLineAsync("The name must be 1 to 100 characters.");
                return Cli.UsageError;
            }
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
            var token = await ApiTokens.CreateAsync(db, nameValue, roleValue, services.GetRequiredService<TimeProvider>(), ct);
            await output.WriteLineAsync($"Token \"{nameValue}\" ({roleValue}) created. It is shown only now: keep it somewhere safe.");
            await output.WriteLineAsync(token);
            return 0;
        });
        tokens.Subcommands.Add(create);

        var list = new Command("list", "List tokens (never their value).");
        list.SetAction(async (_, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
            var rows = await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(ct);
            await output.WriteLineAsync("id\tname\trole\tcreated\tlast used\trevoked");
            foreach (var t in rows)
                await output.WriteLineAsync(string.Join('\t', t.Id.ToString(CultureInfo.InvariantCulture), t.Name, t.Role,
                    Format(t.CreatedAt), Format(t.LastUsedAt), Format(t.RevokedAt)));
            return 0;
        });
        tokens.Subcommands.Add(list);

        var id = new Option<int>("--id") { Required = true, Description = "The token's id, as `tokens list` shows it." };
        var revoke = new Command("revoke", "Revoke a token: it stops working at once.") { id };
        revoke.SetAction(async (parse, ct) =>
        {
            var idValue = parse.GetRequiredValue(id);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
            var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == idValue, ct);
            if (token is null)
            {
                await error.WriteLineAsync($"No token with id {idValue}.");
                return 1;
            }
            token.RevokedAt ??= services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync($"Token {idValue} (\"{token.Name}\") revoked.");
            return 0;
        });
        tokens.Subcommands.Add(revoke);
        return tokens;
    }

    static string Format(DateTime? value) =>
        value is null ? "-" : DateTime.SpecifyKind(value.Value, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
