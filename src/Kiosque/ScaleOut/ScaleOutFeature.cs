using Kiosque.Caching;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kiosque.ScaleOut;

public static class ScaleOutFeature
{
    /// <summary>
    /// What several instances share: data-protection keys in the database (sign-in cookies, comment form stamps and
    /// e-mail links work on every instance and survive restarts), and, when Kiosque:Redis is set, cache evictions and
    /// rate-limit counters through Redis. Background work needs no lock here: each job claims its rows with a
    /// conditional update (see docs/architecture.md, "Several instances").
    /// </summary>
    public static void AddScaleOut(this WebApplicationBuilder builder)
    {
        builder.Services.AddDataProtection().SetApplicationName("Kiosque").PersistKeysToDbContext<KiosqueDb>();

        builder.Services.AddSingleton<RedisConnection>();
        builder.Services.AddSingleton<LocalRateLimitCounter>();
        var options = builder.Configuration.GetSection(KiosqueOptions.SectionName).Get<KiosqueOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(options.Redis))
        {
            builder.Services.AddSingleton<IRateLimitCounter>(sp => sp.GetRequiredService<LocalRateLimitCounter>());
            return;
        }
        builder.Services.AddSingleton<IRateLimitCounter, RedisRateLimitCounter>();
        builder.Services.AddSingleton<RedisInvalidation>();
        builder.Services.AddSingleton<IEvictionListener>(sp => sp.GetRequiredService<RedisInvalidation>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisInvalidation>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthTags.Ready]);
    }
}

/// <summary>Redis away is "degraded", not "unhealthy": the instance still serves (from memory and the database).</summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (redis.Multiplexer is not { } connection) return HealthCheckResult.Healthy("not configured");
        if (!connection.IsConnected) return HealthCheckResult.Degraded("Redis is not reachable");
        try
        {
            var latency = await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis did not answer", e);
        }
    }
}
