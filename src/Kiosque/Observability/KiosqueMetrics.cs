using System.Diagnostics.Metrics;
using Kiosque.Infrastructure;

namespace Kiosque.Observability;

/// <summary>
/// Kiosque's own instruments, on the Meter "Kiosque" (exported at /metrics with the ASP.NET Core ones): output-cache
/// hits and misses, evictions, and queue depths. A feature with a queue (scheduled articles, a newsletter outbox,
/// webhooks) registers a <see cref="QueueDepth"/> service; every queue is counted at each scrape, in one scope.
/// </summary>
public sealed class KiosqueMetrics : IDisposable
{
    public const string MeterName = "Kiosque";

    readonly Meter meter;
    readonly Counter<long> cacheHits;
    readonly Counter<long> cacheMisses;
    readonly Counter<long> cacheEvictions;
    readonly IReadOnlyList<QueueDepth> queues;
    readonly IServiceScopeFactory scopes;

    public KiosqueMetrics(IMeterFactory meters, IEnumerable<QueueDepth> queues, IServiceScopeFactory scopes)
    {
        (this.queues, this.scopes) = ([.. queues], scopes);
        meter = meters.Create(MeterName);
        cacheHits = meter.CreateCounter<long>("kiosque.cache.hits", "{response}", "Responses served from the output cache.");
        cacheMisses = meter.CreateCounter<long>("kiosque.cache.misses", "{response}", "Cacheable responses that had to be built.");
        cacheEvictions = meter.CreateCounter<long>("kiosque.cache.evictions", "{tag}", "Tags evicted from the output cache.");
        meter.CreateObservableGauge("kiosque.queue.depth", ObserveQueues, "{item}", "Items waiting in each background queue.");
    }

    public void CacheHit() => cacheHits.Add(1);
    public void CacheMiss() => cacheMisses.Add(1);
    public void CacheEvicted(int tags) => cacheEvictions.Add(tags);

    IEnumerable<Measurement<long>> ObserveQueues()
    {
        if (queues.Count == 0) yield break;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
        foreach (var queue in queues)
        {
            long value;
            try
            {
                value = queue.Count(db);
            }
            catch (Exception)
            {
                // A queue whose store is unreachable is left out of this scrape; /readyz reports the outage.
                continue;
            }
            yield return new Measurement<long>(value, new KeyValuePair<string, object?>("queue", queue.Name));
        }
    }

    public void Dispose() => meter.Dispose();
}

/// <summary>
/// A background queue reported as kiosque_queue_depth{queue="name"}: a cheap count (an indexed column) read at each
/// scrape, off the request path. Registered as a service by the feature that owns the queue.
/// </summary>
public sealed record QueueDepth(string Name, Func<KiosqueDb, long> Count);
