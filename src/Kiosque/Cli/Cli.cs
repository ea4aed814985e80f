using System.CommandLine;

namespace Kiosque.Cli;

/// <summary>The command-line verbs of the same executable: `Kiosque tokens create …`, `Kiosque users create-admin …`.</summary>
public static class Cli
{
    static readonly string[] Verbs = ["tokens", "users", "newsletter", "import", "backup", "restore"];

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
        {
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            // A command's standard error is for what went wrong, not for every SQL statement of an import or restore.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        }
    }

    public static Task<int> RunCliAsync(this WebApplication app, string[] args) =>
        RunAsync(app.Services, args, Console.Out, Console.Error, app.Lifetime.ApplicationStopping);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var root = new RootCommand("Kiosque: the newsroom publishing platform. Without a command, runs the web application.");
        root.Subcommands.Add(TokensCommand.Create(services, output, error));
        root.Subcommands.Add(UsersCommand.Create(services));
        root.Subcommands.Add(ImportCommand.Create(services));
        root.Subcommands.Add(BackupCommand.Backup(services));
        root.Subcommands.Add(BackupCommand.Restore(services));
        root.Subcommands.Add(Newsletter.NewsletterCommand.Create(services, output, error));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) await error.WriteLineAsync(e.Message);
            return UsageError;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }
}
