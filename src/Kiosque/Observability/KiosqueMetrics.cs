using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Kiosque.Observability;

/// <summary>
/// Kiosque's own instruments, on the Meter "Kiosque" (exported at /metrics with the ASP.NET Core ones): output-cache
/// hits and misses, evictions, and queue depths. A feature with a queue (scheduled articles, a newsletter outbox,
/// webhooks) registers a callback with <see cref="AddQueueDepth"/>; it is read at each scrape.
/// </summary>
public sealed class KiosqueMetrics : IDisposable
{
    public const string MeterName = "Kiosque";

    readonly Meter meter;
    readonly Counter<long> cacheHits;
    readonly Counter<long> cacheMisses;
    readonly Counter<long> cacheEvictions;
    readonly ConcurrentDictionary<string, Func<long>> queues = new(StringComparer.Ordinal);

    public KiosqueMetrics(IMeterFactory meters)
    {
        meter = meters.Create(MeterName);
        cacheHits = meter.CreateCounter<long>("kiosque.cache.hits", "{response}", "Responses served from the output cache.");
        cacheMisses = meter.CreateCounter<long>("kiosque.cache.misses", "{response}", "Cacheable responses that had to be built.");
        cacheEvictions = meter.CreateCounter<long>("kiosque.cache.evictions", "{tag}", "Tags evicted from the output cache.");
        meter.CreateObservableGauge("kiosque.queue.depth", ObserveQueues, "{item}", "Items waiting in each background queue.");
    }

    public void CacheHit() => cacheHits.Add(1);
    public void CacheMiss() => cacheMisses.Add(1);
    public void CacheEvicted(int tags) => cacheEvictions.Add(tags);

    /// <summary>
    /// Reports a queue's depth under kiosque_queue_depth{queue="name"}. The callback runs at each scrape, off the
    /// request path; it should be cheap (a COUNT on an indexed column) and may throw (the queue is then skipped).
    /// </summary>
    public void AddQueueDepth(string queue, Func<long> depth) => queues[queue] = depth;

    IEnumerable<Measurement<long>> ObserveQueues()
    {
        foreach (var (name, depth) in queues)
        {
            long value;
            try
            {
                value = depth();
            }
            catch (Exception)
            {
                // A queue whose store is unreachable is left out of this scrape; /readyz reports the outage.
                continue;
            }
            yield return new Measurement<long>(value, new KeyValuePair<string, object?>("queue", name));
        }
    }

    public void Dispose() => meter.Dispose();
}
