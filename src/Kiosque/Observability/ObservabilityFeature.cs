using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Kiosque.Observability;

/// <summary>The "Kiosque:Metrics" and "Kiosque:Logging" configuration sections; see docs/configuration.md.</summary>
public sealed class ObservabilityOptions
{
    /// <summary>When set, /metrics also answers requests with "Authorization: Bearer {Token}" from anywhere.</summary>
    public string? MetricsToken { get; set; }
    /// <summary>/metrics answers direct loopback requests (not ones relayed by a proxy) without a token.</summary>
    public bool MetricsFromLoopback { get; set; } = true;
    /// <summary>One JSON object per log line on the console, for a log collector.</summary>
    public bool JsonLogs { get; set; }
}

public static class ObservabilityFeature
{
    public const string MetricsPath = "/metrics";

    public static void AddObservability(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Kiosque");
        builder.Services.AddOptions<ObservabilityOptions>().Configure(o =>
        {
            o.MetricsToken = section["Metrics:Token"];
            o.MetricsFromLoopback = section.GetValue("Metrics:FromLoopback", true);
            o.JsonLogs = section.GetValue("Logging:Json", false);
        });
        if (section.GetValue("Logging:Json", false))
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
                o.UseUtcTimestamp = true;
            });

        builder.Services.AddSingleton<KiosqueMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(KiosqueMetrics.MeterName)
            .AddPrometheusExporter());
    }

    /// <summary>/healthz: the process answers. /readyz: the database answers (Redis away only degrades). /metrics: Prometheus text.</summary>
    public static void MapObservability(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false })
            .WithMetadata(new WritesNothingAttribute("the liveness probe"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) })
            .WithMetadata(new WritesNothingAttribute("the readiness probe"));
        app.UseWhen(http => http.Request.Path.StartsWithSegments(MetricsPath), branch => branch.Use(async (http, next) =>
        {
            if (!MayReadMetrics(http))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            await next(http);
        }));
        app.MapPrometheusScrapingEndpoint(MetricsPath).WithMetadata(new WritesNothingAttribute("the metrics scrape"));
    }

    /// <summary>
    /// Loopback without proxy headers (a Prometheus on the same machine), or the configured bearer token. Anyone else
    /// gets a 404: the endpoint's existence is not advertised.
    /// </summary>
    static bool MayReadMetrics(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<ObservabilityOptions>>().Value;
        var headers = http.Request.Headers;
        if (!string.IsNullOrEmpty(options.MetricsToken) && headers.Authorization.ToString() is { } auth
            && auth.StartsWith("Bearer ", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(auth["Bearer ".Length..]), Encoding.UTF8.GetBytes(options.MetricsToken)))
            return true;
        var remote = http.Connection.RemoteIpAddress;
        // The test server has no connection: it is the process itself.
        var loopback = remote is null || IPAddress.IsLoopback(remote);
        var relayed = headers.ContainsKey("X-Forwarded-For") || headers.ContainsKey("Forwarded") || headers.ContainsKey("X-Real-IP");
        return options.MetricsFromLoopback && loopback && !relayed;
    }
}
