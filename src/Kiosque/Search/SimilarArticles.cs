using Kiosque.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace Kiosque.Search;

/// <summary>
/// Remembers, per article, the articles whose text resembles it: the one costly part of "À lire aussi" (a full-text
/// query ranked over the newest matches), as related-post plugins keep theirs. Forgotten whenever an article or the
/// site changes (on this instance or, through Redis, on another), and after ten minutes at most; bounded in size.
/// A search that overlaps a change is used once and not kept.
/// </summary>
public sealed class SimilarArticles : IMemoryEviction, IDisposable
{
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    readonly MemoryCache entries = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    long generation;

    public async Task<IReadOnlyList<int>> GetAsync(int articleId, Func<Task<IReadOnlyList<int>>> search)
    {
        if (entries.TryGetValue(articleId, out IReadOnlyList<int>? kept) && kept is not null) return kept;
        var seen = Interlocked.Read(ref generation);
        var ids = await search();
        entries.Set(articleId, ids, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        // A change during the search: what it found may predate it.
        if (Interlocked.Read(ref generation) != seen) entries.Remove(articleId);
        return ids;
    }

    public void Evicted(IReadOnlyCollection<string> tags)
    {
        if (!tags.Any(t => t == CacheTags.Site || t.StartsWith(CacheTags.ArticlePrefix, StringComparison.Ordinal))) return;
        Interlocked.Increment(ref generation);
        entries.Clear();
    }

    public void Dispose() => entries.Dispose();
}
