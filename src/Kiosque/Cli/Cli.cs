using System.CommandLine;

namespace Kiosque.Cli;

/// <summary>The command-line verbs of the same executable: `Kiosque tokens create …`, `Kiosque users …`.</summary>
public static class Cli
{
    static readonly string[] Verbs = ["tokens", "users"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunCliAsync(this WebApplication app, string[] args) =>
        RunAsync(app.Services, args, Console.Out, Console.Error);

    /// <summary>Runs a verb against a started application's services; the tests call this in process.</summary>
    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error,
        CancellationToken ct = default)
    {
        var root = new RootCommand("Kiosque: the newsroom publishing platform.");
        root.Subcommands.Add(UsersCommand.Create(services));
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, ct);
    }
}
