using Kiosque.Caching;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Site;

/// <summary>The site settings and navigation as every reader page and feed shows them. Treat as read-only: shared by all requests.</summary>
public sealed record SiteSnapshot(SiteSettings Settings, IReadOnlyList<NavigationLink> Navigation);

/// <summary>
/// Keeps the <see cref="SiteSnapshot"/> in memory between requests, since it changes only when an editor saves the
/// settings or navigation. Dropped by every site-wide eviction (<see cref="PageCache"/>), the local ones and
/// those another instance announces through Redis, so it is exactly as fresh as the output cache. A load that
/// overlaps a drop is used once and not kept: it may have read the state from before the change.
/// </summary>
public sealed class SiteSnapshots : IMemoryEviction
{
    readonly Lock gate = new();
    SiteSnapshot? current;
    long generation;

    public async Task<SiteSnapshot> GetAsync(KiosqueDb db, CancellationToken ct)
    {
        if (Volatile.Read(ref current) is { } kept) return kept;
        long seen;
        lock (gate)
        {
            if (current is not null) return current;
            seen = generation;
        }
        var settings = await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).FirstOrDefaultAsync(ct)
                       ?? new SiteSettings();
        var navigation = await db.NavigationItems.AsNoTracking().OrderBy(n => n.Position).ThenBy(n => n.Id)
            .Select(n => new NavigationLink(n.Label, n.Url)).ToListAsync(ct);
        var loaded = new SiteSnapshot(settings, navigation);
        lock (gate)
        {
            if (generation == seen) current = loaded;
        }
        return loaded;
    }

    public void Evicted(IReadOnlyCollection<string> tags)
    {
        if (!tags.Contains(CacheTags.Site)) return;
        lock (gate)
        {
            generation++;
            current = null;
        }
    }
}
