using System.Collections.Concurrent;
using Kiosque.Caching;

namespace Kiosque.Search;

/// <summary>
/// Remembers, per article, the articles whose text resembles it: the one costly part of "À lire aussi" (a full-text
/// query ranked over the newest matches), as related-post plugins keep theirs. Forgotten whenever an article or the
/// site changes (on this instance or, through Redis, on another), and after ten minutes at most; bounded in size.
/// A search that overlaps a change is used once and not kept.
/// </summary>
public sealed class SimilarArticles(TimeProvider clock) : IMemoryEviction
{
    const int MaxEntries = 10_000;
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    sealed record Entry(IReadOnlyList<int> Ids, DateTimeOffset At);

    readonly ConcurrentDictionary<int, Entry> entries = new();
    long generation;

    public async Task<IReadOnlyList<int>> GetAsync(int articleId, Func<Task<IReadOnlyList<int>>> search)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(articleId, out var entry) && now - entry.At < Lifetime) return entry.Ids;
        var seen = Interlocked.Read(ref generation);
        var ids = await search();
        if (entries.Count >= MaxEntries) entries.Clear();
        entries[articleId] = new Entry(ids, now);
        // A change during the search: what it found may predate it.
        if (Interlocked.Read(ref generation) != seen) entries.TryRemove(articleId, out _);
        return ids;
    }

    public void Evicted(IReadOnlyCollection<string> tags)
    {
        if (!tags.Any(t => t == CacheTags.Site || t.StartsWith(CacheTags.ArticlePrefix, StringComparison.Ordinal))) return;
        Interlocked.Increment(ref generation);
        entries.Clear();
    }
}
