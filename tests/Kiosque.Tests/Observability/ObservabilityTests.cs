using System.Net;
using System.Net.Http.Headers;
using Kiosque.Observability;
using Kiosque.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Observability;

public sealed class ObservabilityTests
{
    [Fact]
    public async Task Healthz_says_alive_and_readyz_checks_the_database()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var client = app.CreateAnonymousClient();
        using var alive = await client.GetPathAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync(Ct));
        using var ready = await client.GetPathAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Metrics_in_prometheus_text_show_requests_cache_hits_and_queue_depths()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true, services: s => s.AddSingleton(new QueueDepth("essai", _ => 7)));
        var client = app.CreateAnonymousClient();
        for (var i = 0; i < 3; i++) (await client.GetPathAsync("/")).EnsureSuccessStatusCode();

        using var response = await client.GetPathAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Matches(@"kiosque_cache_hits_total(\{[^}]*\})? [2-9]", text);
        Assert.Contains("kiosque_cache_misses_total", text, StringComparison.Ordinal);
        Assert.Matches(@"kiosque_queue_depth\{[^}]*queue=""essai""[^}]*\} 7", text);
        foreach (var queue in new[] { "scheduled-articles", "newsletter-outbox", "webhook-outbox" })
            Assert.Contains($"queue=\"{queue}\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_refused_through_a_proxy_unless_the_token_is_given()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:Metrics:Token"] = "un-jeton-de-metriques" });
        var client = app.CreateAnonymousClient();
        using var relayed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        relayed.Headers.Add("X-Forwarded-For", "203.0.113.9");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(relayed, Ct)).StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        wrong.Headers.Add("X-Forwarded-For", "203.0.113.9");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "mauvais");
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(wrong, Ct)).StatusCode);

        using var withToken = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        withToken.Headers.Add("X-Forwarded-For", "203.0.113.9");
        withToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "un-jeton-de-metriques");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(withToken, Ct)).StatusCode);
    }
}
