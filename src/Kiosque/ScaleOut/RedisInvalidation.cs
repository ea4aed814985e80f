using System.Text.Json;
using Kiosque.Caching;
using StackExchange.Redis;

namespace Kiosque.ScaleOut;

/// <summary>
/// Each instance keeps its cached pages in its own memory (fast, and still there when Redis is not) and tells the
/// others what it evicts on the channel "kiosque:evict"; each evicts the same tags on receipt, within milliseconds.
/// Messages sent while Redis was away are lost, so an instance whose connection comes back evicts everything it
/// holds. Use the connection string's channelPrefix to share one Redis between several sites.
/// </summary>
public sealed class RedisInvalidation(RedisConnection redis, IServiceProvider services, ILogger<RedisInvalidation> log)
    : IEvictionListener, IHostedService
{
    static readonly RedisChannel Channel = RedisChannel.Literal("kiosque:evict");
    readonly string instance = Guid.NewGuid().ToString("N");
    int subscribed;

    sealed record Message(string From, string[] Tags);

    // Resolved late: the page cache depends on the listeners, this listener on the page cache.
    PageCache Cache => services.GetRequiredService<PageCache>();

    public async Task EvictedAsync(IReadOnlyCollection<string> tags, IReadOnlyCollection<string> paths, CancellationToken ct)
    {
        if (redis.Multiplexer is not { } connection) return;
        if (!connection.IsConnected)
        {
            log.LogWarning("Redis is away: other instances learn of the eviction of {Tags} when it returns.", string.Join(", ", tags));
            return;
        }
        var message = JsonSerializer.Serialize(new Message(instance, [.. tags]));
        await connection.GetSubscriber().PublishAsync(Channel, message);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.Multiplexer is not { } connection) return;
        connection.ConnectionRestored += async (_, e) =>
        {
            if (e.ConnectionType != ConnectionType.Subscription) return;
            try
            {
                await SubscribeAsync(connection);
                // Whatever the others evicted meanwhile never reached this instance.
                await Cache.EvictLocallyAsync([CacheTags.Site]);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                log.LogWarning(ex, "Could not subscribe to cache evictions after Redis came back.");
            }
        };
        try
        {
            await SubscribeAsync(connection);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            log.LogWarning(ex, "Could not subscribe to cache evictions; trying again when Redis is reachable.");
        }
    }

    async Task SubscribeAsync(IConnectionMultiplexer connection)
    {
        if (Interlocked.Exchange(ref subscribed, 1) == 1) return;
        try
        {
            await connection.GetSubscriber().SubscribeAsync(Channel, (channel, value) => _ = OnMessageAsync(value));
        }
        catch
        {
            Interlocked.Exchange(ref subscribed, 0);
            throw;
        }
    }

    async Task OnMessageAsync(RedisValue value)
    {
        try
        {
            var message = JsonSerializer.Deserialize<Message>(value.ToString());
            if (message is null || message.From == instance || message.Tags.Length == 0) return;
            await Cache.EvictLocallyAsync(message.Tags);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            log.LogWarning(e, "Ignored a malformed cache eviction message.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
