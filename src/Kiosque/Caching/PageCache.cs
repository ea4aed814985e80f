using Kiosque.Observability;
using Microsoft.AspNetCore.OutputCaching;

namespace Kiosque.Caching;

/// <summary>Told about every eviction this instance decides: other instances (Redis), a CDN in front.</summary>
public interface IEvictionListener
{
    /// <summary><paramref name="paths"/>: site-relative paths known to be affected (an article's), for purging by URL.</summary>
    Task EvictedAsync(IReadOnlyCollection<string> tags, IReadOnlyCollection<string> paths, CancellationToken ct);
}

/// <summary>
/// What this instance keeps in memory besides pages (the site settings, suggestions): told of every eviction on
/// this instance, the ones it decides and the ones another instance announces.
/// </summary>
public interface IMemoryEviction
{
    void Evicted(IReadOnlyCollection<string> tags);
}

/// <summary>
/// Evicts cached responses by tag: on this instance at once, then tells the listeners (other instances through
/// Redis, a CDN). A listener's failure is logged; the local eviction has happened and the write stands.
/// </summary>
public sealed class PageCache(IOutputCacheStore store, IEnumerable<IMemoryEviction> memory, KiosqueMetrics metrics, IEnumerable<IEvictionListener> listeners, ILogger<PageCache> log)
{
    public async Task EvictAsync(IReadOnlyCollection<string> tags, IReadOnlyCollection<string>? paths = null, CancellationToken ct = default)
    {
        if (tags.Count == 0) return;
        await EvictLocallyAsync(tags, ct);
        foreach (var listener in listeners)
        {
            try
            {
                await listener.EvictedAsync(tags, paths ?? [], ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{Listener} could not pass on the eviction of {Tags}.", listener.GetType().Name, string.Join(", ", tags));
            }
        }
    }

    /// <summary>This instance only: what a message from another instance asks for.</summary>
    public async Task EvictLocallyAsync(IReadOnlyCollection<string> tags, CancellationToken ct = default)
    {
        // "site" is on every entry: evicting it is evicting everything, the other tags add nothing.
        IEnumerable<string> effective = tags.Contains(CacheTags.Site) ? [CacheTags.Site] : tags;
        // What is kept in memory goes with it, output cache on or off.
        foreach (var kept in memory) kept.Evicted(tags);
        foreach (var tag in effective)
            await store.EvictByTagAsync(tag, ct);
        metrics.CacheEvicted(tags.Count);
    }

    public Task EvictAllAsync(CancellationToken ct = default) => EvictAsync([CacheTags.Site], null, ct);
}
