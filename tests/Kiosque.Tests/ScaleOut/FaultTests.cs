using System.Diagnostics;
using System.Net;
using Kiosque.Caching;
using Kiosque.Tests.Infrastructure;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.ScaleOut;

/// <summary>Redis or PostgreSQL going away under a running Kiosque: it keeps serving what it can, fails fast, and recovers alone.</summary>
public sealed class FaultTests
{
    static async Task<(HttpStatusCode Status, string Cache, string Body, HttpResponseMessage Response)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetPathAsync(path);
        return (response.StatusCode, response.Headers.TryGetValues(PublicPagePolicy.CacheHeader, out var v) ? v.Single() : "none",
            await response.Content.ReadAsStringAsync(Ct), response);
    }

    [Fact]
    public async Task Redis_stopped_instances_keep_serving_from_memory_and_the_database_and_catch_up_when_it_returns()
    {
        var redis = await RedisServer.StartNewAsync();
        await using var _ = redis;
        var settings = new Dictionary<string, string?> { ["Kiosque:Redis"] = redis.ConnectionString };
        await using var a = await KiosqueApp.CreateAsync(DatabaseKind.Postgres, extra: settings);
        settings["ConnectionStrings:Kiosque"] = a.ConnectionString;
        await using var b = await KiosqueApp.CreateAsync(DatabaseKind.Postgres, extra: settings);
        var editor = await a.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        await editor.CreateSectionAsync("Monde", "monde");
        var id = await editor.CreateArticleAsync(new { section = "monde", headline = "Les thons migrent", slug = "thons", status = "published" });
        var readerB = b.CreateAnonymousClient();
        await GetAsync(readerB, "/monde/thons");
        Assert.Equal("hit", (await GetAsync(readerB, "/monde/thons")).Cache);
        Assert.Contains("Healthy", await readerB.GetStringAsync("/readyz", Ct), StringComparison.Ordinal);

        await redis.StopAsync();
        // Cached pages from memory, others from the database; a write goes through at once.
        Assert.Equal((HttpStatusCode.OK, "hit"), ((await GetAsync(readerB, "/monde/thons")).Status, (await GetAsync(readerB, "/monde/thons")).Cache));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(readerB, "/monde")).Status);
        var write = Stopwatch.StartNew();
        await (await editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "monde", headline = "Les thons migrent vers le nord", slug = "thons", status = "published" }))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.True(write.Elapsed < TimeSpan.FromSeconds(5), $"the write took {write.Elapsed.TotalSeconds:0.0} s with Redis away");
        Assert.Contains("vers le nord", (await GetAsync(a.CreateAnonymousClient(), "/monde/thons")).Body, StringComparison.Ordinal);
        using (var ready = await readerB.GetAsync("/readyz", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("Degraded", await ready.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        await redis.StartAsync();
        // B missed the eviction message: on reconnecting it drops what it cached and serves the new text.
        var clock = Stopwatch.StartNew();
        while (!(await GetAsync(readerB, "/monde/thons")).Body.Contains("vers le nord", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "B still served the old page 15 s after Redis came back");
            await Task.Delay(100, Ct);
        }
        // Readiness follows within the same 15 s: its Redis check may answer a moment after the page came back.
        while (!(await readerB.GetStringAsync("/readyz", Ct)).Contains("Healthy", StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "B's /readyz was not Healthy 15 s after Redis came back");
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task PostgreSQL_restarted_requests_fail_fast_with_503_cached_pages_are_served_and_it_recovers_without_restart()
    {
        var server = await PostgresServer.StartDedicatedAsync();
        if (server is null) Assert.Skip($"PostgreSQL test skipped: {PostgresServer.MissingReason ?? "initdb and pg_ctl are not on PATH"}.");
        await using var _ = server;
        await using var app = await KiosqueApp.CreateAsync(DatabaseKind.Postgres,
            extra: new Dictionary<string, string?> { ["ConnectionStrings:Kiosque"] = await server.CreateDatabaseAsync() });
        var editor = await app.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        await editor.CreateSectionAsync("Monde", "monde");
        await editor.CreateArticleAsync(new { section = "monde", headline = "Les thons migrent", slug = "thons", status = "published" });
        var reader = app.CreateAnonymousClient();
        await GetAsync(reader, "/monde/thons");
        Assert.Equal("hit", (await GetAsync(reader, "/monde/thons")).Cache);

        server.StopCluster();
        Assert.Equal((HttpStatusCode.OK, "hit"), ((await GetAsync(reader, "/monde/thons")).Status, (await GetAsync(reader, "/monde/thons")).Cache));
        var clock = Stopwatch.StartNew();
        var (status, _, body, response) = await GetAsync(reader, "/monde");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"an uncached page took {clock.Elapsed.TotalSeconds:0.0} s with the database down");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("indisponible", body, StringComparison.Ordinal);
        using (var api = await editor.GetAsync("/api/v1/articles", Ct))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.NotNull(api.Headers.RetryAfter);
        }
        using (var ready = await reader.GetAsync("/readyz", Ct)) Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/healthz", Ct)).StatusCode);

        server.StartCluster();
        var back = Stopwatch.StartNew();
        while ((await GetAsync(reader, "/monde")).Status != HttpStatusCode.OK)
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(5), "still failing 5 s after PostgreSQL came back");
            await Task.Delay(100, Ct);
        }
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/v1/articles", Ct)).StatusCode);
    }
}
