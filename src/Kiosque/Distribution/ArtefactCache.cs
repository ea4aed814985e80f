using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kiosque.Content.Workflow;

namespace Kiosque.Distribution;

/// <summary>A built feed or sitemap: its bytes and what conditional requests compare.</summary>
public sealed record Artefact(byte[] Content, string ContentType, string ETag, DateTimeOffset LastModified)
{
    public static Artefact Of(byte[] content, string contentType, DateTime lastModifiedUtc) => new(
        content, contentType,
        "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"",
        // HTTP dates have whole seconds.
        new DateTimeOffset(DateTime.SpecifyKind(lastModifiedUtc, DateTimeKind.Utc)).AddTicks(-(lastModifiedUtc.Ticks % TimeSpan.TicksPerSecond)));
}

/// <summary>Goes up on every article event: cached artefacts built at an older version are rebuilt.</summary>
public sealed class ContentVersion
{
    long value;
    public long Value => Interlocked.Read(ref value);
    public void Bump() => Interlocked.Increment(ref value);
}

public sealed class ContentVersionEvents(ContentVersion version) : IArticleEvents
{
    public Task HandleAsync(ArticleEvent articleEvent, CancellationToken ct)
    {
        version.Bump();
        return Task.CompletedTask;
    }
}

/// <summary>
/// Builds each feed or sitemap once however many requests ask for it at the same time (they share one task),
/// and serves it until the content version changes or it is older than the cache duration (which also covers
/// settings changes and articles whose publication time arrives without an event).
/// </summary>
public sealed class ArtefactCache(ContentVersion version, TimeProvider clock)
{
    const int MaxEntries = 5_000;

    sealed record Entry(long Version, DateTimeOffset BuiltAt, Lazy<Task<Artefact?>> Task);

    readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async Task<Artefact?> GetAsync(string key, TimeSpan duration, Func<CancellationToken, Task<Artefact?>> build)
    {
        var now = clock.GetUtcNow();
        var current = version.Value;
        if (entries.Count > MaxEntries) entries.Clear();
        var entry = entries.AddOrUpdate(key,
            _ => New(current, now, build),
            (_, existing) => existing.Version == current && now - existing.BuiltAt < duration && !existing.Task.Value.IsFaulted
                ? existing : New(current, now, build));
        return await entry.Task.Value;
    }

    // The build is not tied to the first caller's request: a reader who leaves must not cancel it for the others.
    static Entry New(long version, DateTimeOffset now, Func<CancellationToken, Task<Artefact?>> build) =>
        new(version, now, new Lazy<Task<Artefact?>>(() => build(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication));
}
