namespace Kiosque.Cli;

/// <summary>The command-line verbs of the same executable: `Kiosque tokens create …`.</summary>
public static class Cli
{
    static readonly string[] Verbs = ["tokens"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static Task<int> RunCliAsync(this WebApplication app, string[] args) => Task.FromResult(1);
}
