namespace Kiosque.Infrastructure;

/// <summary>The "Kiosque" configuration section; see docs/configuration.md.</summary>
public sealed class KiosqueOptions
{
    public const string SectionName = "Kiosque";

    /// <summary>Database file, media and outgoing mail live here; relative to the working directory.</summary>
    public string DataPath { get; set; } = "data";
    public bool DemoContent { get; set; } = true;
    /// <summary>Absolute public address (https://www.example.fr) for canonical URLs; the request's host when empty.</summary>
    public string? PublicUrl { get; set; }
    public DatabaseOptions Database { get; set; } = new();
    public long MaxUploadBytes { get; set; } = 20 * 1024 * 1024;
    /// <summary>
    /// A StackExchange.Redis connection string ("localhost:6379"): several instances then share cache evictions
    /// and rate-limit counters through it. Empty: one instance, everything in its memory.
    /// </summary>
    public string? Redis { get; set; }

    public string FullDataPath => Path.GetFullPath(DataPath);
    public string MediaPath => Path.Combine(FullDataPath, "media");
}

public sealed class DatabaseOptions
{
    /// <summary>"sqlite" (default) or "postgres" (then ConnectionStrings:Kiosque is required).</summary>
    public string Provider { get; set; } = "sqlite";
    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "postgresql", StringComparison.OrdinalIgnoreCase);
}
