using Kiosque.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kiosque.Wires;

/// <summary>
/// Polls the watched folder (Kiosque:Wires:Folder) for *.json ninjs items. A file is claimed by renaming it into
/// processing/ — an atomic rename that only one instance can win — then ingested and moved to processed/, or to
/// failed/ beside a .error.txt that names the field at fault. Writers should write under another name (or
/// extension) and rename to .json when done; files younger than SettleSeconds wait for the next pass all the same.
/// A file left in processing/ by a crashed instance goes back to the folder after <see cref="StaleClaim"/>.
/// </summary>
public sealed class WireFolder(IServiceScopeFactory scopes, IOptions<WiresOptions> options, IOptions<KiosqueOptions> kiosque,
    TimeProvider clock, ILogger<WireFolder> log) : BackgroundService
{
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);
    readonly string instance = Guid.NewGuid().ToString("N")[..8];

    public string? Path => string.IsNullOrWhiteSpace(options.Value.Folder) ? null
        : System.IO.Path.GetFullPath(System.IO.Path.Combine(kiosque.Value.FullDataPath, options.Value.Folder));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Path is null) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Scanning the wire folder failed; trying again at the next pass.");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the folder; returns how many files this instance claimed.</summary>
    public async Task<int> ScanAsync(CancellationToken ct)
    {
        if (Path is not { } root) return 0;
        var processing = Directory.CreateDirectory(System.IO.Path.Combine(root, "processing")).FullName;
        Directory.CreateDirectory(System.IO.Path.Combine(root, "processed"));
        Directory.CreateDirectory(System.IO.Path.Combine(root, "failed"));
        var now = clock.GetUtcNow().UtcDateTime;
        ReleaseStaleClaims(root, processing, now);

        var settle = TimeSpan.FromSeconds(Math.Max(0, options.Value.SettleSeconds));
        var claimed = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*.json").Order(StringComparer.Ordinal).ToList())
        {
            ct.ThrowIfCancellationRequested();
            var name = System.IO.Path.GetFileName(file);
            if (name.StartsWith('.') || now - File.GetLastWriteTimeUtc(file) < settle) continue;
            var mine = System.IO.Path.Combine(processing, $"{instance}~{name}");
            try
            {
                File.Move(file, mine);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // another instance claimed it first
            }
            claimed++;
            await ProcessAsync(root, mine, name, ct);
        }
        return claimed;
    }

    async Task ProcessAsync(string root, string claimedPath, string name, CancellationToken ct)
    {
        IngestResult result;
        try
        {
            var length = new FileInfo(claimedPath).Length;
            if (length > options.Value.MaxItemBytes)
                result = new IngestResult(IngestOutcome.Invalid, null, $"The file is {length} bytes; the limit is {options.Value.MaxItemBytes}.", "$");
            else
            {
                var bytes = await File.ReadAllBytesAsync(claimedPath, ct);
                await using var scope = scopes.CreateAsyncScope();
                var ingest = scope.ServiceProvider.GetRequiredService<WireIngest>();
                result = await ingest.IngestAsync(bytes, WireIngest.FolderActor, "folder", ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Wire file {File} failed.", name);
            result = new IngestResult(IngestOutcome.Conflict, null, "Unexpected error: " + e.Message);
        }

        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        if (result.Succeeded)
        {
            File.Move(claimedPath, Unique(System.IO.Path.Combine(root, "processed", $"{stamp}-{name}")));
            log.LogInformation("Wire file {File}: {Message}", name, result.Message);
            return;
        }
        var failed = Unique(System.IO.Path.Combine(root, "failed", $"{stamp}-{name}"));
        File.Move(claimedPath, failed);
        await File.WriteAllTextAsync(failed + ".error.txt",
            $"{name}: {(result.Field is null ? "" : result.Field + ": ")}{result.Message}{Environment.NewLine}", ct);
        log.LogWarning("Wire file {File} failed: {Field} {Message}", name, result.Field, result.Message);
    }

    static string Unique(string path)
    {
        if (!File.Exists(path)) return path;
        var stem = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path));
        for (var n = 2; ; n++)
            if (!File.Exists($"{stem}-{n}.json")) return $"{stem}-{n}.json";
    }

    /// <summary>Puts back files an instance claimed and never finished (it crashed), under their own names.</summary>
    static void ReleaseStaleClaims(string root, string processing, DateTime now)
    {
        foreach (var file in Directory.EnumerateFiles(processing))
        {
            if (now - File.GetLastWriteTimeUtc(file) < StaleClaim) continue;
            var name = System.IO.Path.GetFileName(file);
            var original = name.Contains('~', StringComparison.Ordinal) ? name[(name.IndexOf('~', StringComparison.Ordinal) + 1)..] : name;
            try { File.Move(file, System.IO.Path.Combine(root, original)); }
            catch (IOException) { /* another instance released it, or a new file took the name: next pass */ }
        }
    }
}
