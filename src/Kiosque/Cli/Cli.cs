using System.CommandLine;
using System.Globalization;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Cli;

/// <summary>The command-line verbs of the same executable: `Kiosque tokens create …`.</summary>
public static class Cli
{
    static readonly string[] Verbs = ["tokens"];

    /// <summary>Exit code for a command line that asks for something impossible (unknown role, missing option).</summary>
    public const int UsageError = 2;

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    /// <summary>
    /// A command's standard output is its result (`tokens create` ends with the token, for scripts to capture),
    /// so the application's logs go to standard error when running one.
    /// </summary>
    public static void AddCli(this WebApplicationBuilder builder, string[] args)
    {
        if (IsCommand(args))
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    public static Task<int> RunCliAsync(this WebApplication app, string[] args) =>
        RunAsync(app.Services, args, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);

    internal static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var root = new RootCommand("Kiosque: the newsroom publishing platform. Without a command, runs the web application.");
        root.Subcommands.Add(TokensCommand(services, output, error));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) await error.WriteLineAsync(e.Message);
            return UsageError;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }

    static Command TokensCommand(IServiceProvider services, TextWriter output, TextWriter error)
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
                return UsageError;
            }
            if (nameValue.Length is 0 or > 100)
            {
                await error.WriteLineAsync("The name must be 1 to 100 characters.");
                return UsageError;
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
