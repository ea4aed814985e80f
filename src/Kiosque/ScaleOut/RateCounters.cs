using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Kiosque.ScaleOut;

/// <summary>Fixed-window counters for rate limits, shared by every instance when Redis is configured.</summary>
public interface IRateLimitCounter
{
    /// <summary>Counts one hit on <paramref name="key"/>: zero when within <paramref name="limit"/> per window, else how long to wait.</summary>
    Task<TimeSpan> HitAsync(string key, int limit, TimeSpan window, CancellationToken ct);
}

/// <summary>This instance's memory: the counters when Redis is not configured, and the fallback while it is away.</summary>
public sealed class LocalRateLimitCounter(TimeProvider clock) : IRateLimitCounter
{
    const int CleanUpAbove = 50_000;
    sealed class Window(DateTimeOffset ends)
    {
        public DateTimeOffset Ends = ends;
        public int Count;
    }

    readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    public Task<TimeSpan> HitAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (windows.Count > CleanUpAbove)
            foreach (var (k, w) in windows)
                if (w.Ends <= now) windows.TryRemove(k, out _);
        var current = windows.GetOrAdd(key, _ => new Window(now + window));
        lock (current)
        {
            if (current.Ends <= now) (current.Ends, current.Count) = (now + window, 0);
            current.Count++;
            return Task.FromResult(current.Count <= limit ? TimeSpan.Zero : current.Ends - now);
        }
    }
}

/// <summary>
/// INCR with an expiry on the first hit, in one script: every instance counts in the same window. While Redis is
/// away the local counters take over (each instance then allows the limit on its own).
/// </summary>
public sealed class RedisRateLimitCounter(RedisConnection redis, LocalRateLimitCounter local, ILogger<RedisRateLimitCounter> log) : IRateLimitCounter
{
    const string Script = """
        local n = redis.call('INCR', KEYS[1])
        if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return {n, redis.call('PTTL', KEYS[1])}
        """;

    public async Task<TimeSpan> HitAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        if (redis.Multiplexer is not { IsConnected: true } connection) return await local.HitAsync(key, limit, window, ct);
        try
        {
            var result = (RedisResult[])(await connection.GetDatabase().ScriptEvaluateAsync(Script,
                [new RedisKey("kiosque:rate:" + key)], [(long)window.TotalMilliseconds]))!;
            var count = (long)result[0];
            var ttl = (long)result[1];
            return count <= limit ? TimeSpan.Zero : TimeSpan.FromMilliseconds(ttl > 0 ? ttl : window.TotalMilliseconds);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            log.LogWarning(e, "Rate-limit counter in Redis unavailable; counting locally.");
            return await local.HitAsync(key, limit, window, ct);
        }
    }
}
