using Kiosque.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Kiosque.ScaleOut;

/// <summary>
/// The one connection to Redis when Kiosque:Redis is set. It never stops the application: started without Redis,
/// it keeps trying in the background; while Redis is away, commands fail at once (no queue, no wait) and each user
/// falls back to this instance's memory.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    readonly Lazy<ConnectionMultiplexer?> multiplexer;

    public RedisConnection(IOptions<KiosqueOptions> options, ILogger<RedisConnection> log)
    {
        var connectionString = options.Value.Redis;
        multiplexer = new Lazy<ConnectionMultiplexer?>(() =>
        {
            if (string.IsNullOrWhiteSpace(connectionString)) return null;
            var config = ConfigurationOptions.Parse(connectionString);
            config.AbortOnConnectFail = false;
            config.BacklogPolicy = BacklogPolicy.FailFast;
            if (!connectionString.Contains("connectTimeout", StringComparison.OrdinalIgnoreCase)) config.ConnectTimeout = 2000;
            if (!connectionString.Contains("syncTimeout", StringComparison.OrdinalIgnoreCase)) config.SyncTimeout = 1000;
            if (!connectionString.Contains("asyncTimeout", StringComparison.OrdinalIgnoreCase)) config.AsyncTimeout = 1000;
            config.ReconnectRetryPolicy = new LinearRetry(500);
            config.ClientName ??= "kiosque";
            var connection = ConnectionMultiplexer.Connect(config);
            connection.ConnectionFailed += (_, e) =>
                log.LogWarning("Redis connection lost ({Type}, {Failure}): serving from local memory.", e.ConnectionType, e.FailureType);
            connection.ConnectionRestored += (_, e) => log.LogInformation("Redis connection restored ({Type}).", e.ConnectionType);
            if (!connection.IsConnected) log.LogWarning("Redis is not reachable at start; retrying in the background.");
            return connection;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Null when Kiosque:Redis is not set.</summary>
    public IConnectionMultiplexer? Multiplexer => multiplexer.Value;

    public bool IsConnected => multiplexer.Value?.IsConnected == true;

    public void Dispose()
    {
        if (multiplexer.IsValueCreated) multiplexer.Value?.Dispose();
    }
}
