using System.Diagnostics;
using System.Net;
using Kiosque.Caching;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Comments;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.ScaleOut;

/// <summary>
/// Two Kiosque hosts (each with its own services, memory cache and data folder) on one PostgreSQL database and
/// one redis-server started here: what one instance does, the other sees.
/// </summary>
public sealed class TwoInstancesTests
{
    sealed record Pair(KiosqueApp A, KiosqueApp B, RedisServer Redis) : IAsyncDisposable
    {
        public static async Task<Pair> StartAsync(Dictionary<string, string?>? extra = null)
        {
            var redis = await RedisServer.StartNewAsync();
            var settings = new Dictionary<string, string?>(extra ?? []) { ["Kiosque:Redis"] = redis.ConnectionString };
            var a = await KiosqueApp.CreateAsync(DatabaseKind.Postgres, extra: settings);
            settings["ConnectionStrings:Kiosque"] = a.ConnectionString;
            var b = await KiosqueApp.CreateAsync(DatabaseKind.Postgres, extra: settings);
            return new Pair(a, b, redis);
        }

        public async ValueTask DisposeAsync()
        {
            await B.DisposeAsync();
            await A.DisposeAsync();
            await Redis.DisposeAsync();
        }
    }

    static async Task<(string Cache, string Body)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetPathAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        return (response.Headers.TryGetValues(PublicPagePolicy.CacheHeader, out var v) ? v.Single() : "none", await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Polls until <paramref name="text"/> appears; returns how long it took.</summary>
    static async Task<TimeSpan> WaitForAsync(HttpClient client, string path, string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!(await GetAsync(client, path)).Body.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < limit, $"{path} did not show « {text} » within {limit.TotalSeconds} s");
            await Task.Delay(20, Ct);
        }
        return clock.Elapsed;
    }

    [Fact]
    public async Task A_publication_on_A_is_served_by_B_within_a_second()
    {
        await using var pair = await Pair.StartAsync();
        var editor = await pair.A.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        await editor.CreateSectionAsync("Monde", "monde");
        await editor.CreateArticleAsync(new { section = "monde", headline = "Les thons migrent", slug = "thons", status = "published" });
        var readerB = pair.B.CreateAnonymousClient();
        foreach (var path in new[] { "/monde/thons", "/monde", "/" })
        {
            await GetAsync(readerB, path);
            Assert.Equal("hit", (await GetAsync(readerB, path)).Cache);
        }

        await (await editor.PutJsonAsync($"/api/v1/articles/{await IdAsync(pair.A, "thons")}", new
        {
            section = "monde", headline = "Les thons migrent vers le nord", slug = "thons", status = "published",
        })).AssertStatusAsync(HttpStatusCode.OK);
        var published = await editor.CreateArticleAsync(new { section = "monde", headline = "La sardine revient", slug = "sardine", status = "published" });
        Assert.True(published > 0);

        Assert.True(await WaitForAsync(readerB, "/monde/thons", "vers le nord", TimeSpan.FromSeconds(1)) < TimeSpan.FromSeconds(1));
        Assert.True(await WaitForAsync(readerB, "/monde", "La sardine revient", TimeSpan.FromSeconds(1)) < TimeSpan.FromSeconds(1));
        Assert.True(await WaitForAsync(readerB, "/", "La sardine revient", TimeSpan.FromSeconds(1)) < TimeSpan.FromSeconds(1));
    }

    static Task<int> IdAsync(KiosqueApp app, string slug) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Slug == slug).Select(a => a.Id).SingleAsync(Ct));

    [Fact]
    public async Task Signed_in_on_A_is_signed_in_on_B_with_the_same_cookie()
    {
        await using var pair = await Pair.StartAsync();
        await NewsroomSession.CreateUserAsync(pair.A.Services, "redac@kiosque.test", Kiosque.Api.Roles.Editor);
        var onA = NewsroomSession.Open(pair.A);
        using var signIn = await onA.SignInAsync("redac@kiosque.test");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        // The cookies the browser would now send: the sign-in one, sealed with the data-protection keys.
        var cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));

        var onB = pair.B.CreateAnonymousClient();
        using var anonymous = await onB.GetAsync("/newsroom", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/newsroom");
        request.Headers.Add("Cookie", cookie);
        using var signedIn = await onB.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        // The key ring that made it possible lives in the shared database, not in either host's files.
        Assert.True(await pair.B.WithDbAsync(db => db.DataProtectionKeys.CountAsync(Ct)) >= 1);
    }

    [Fact]
    public async Task With_both_instances_running_the_scheduler_each_scheduled_article_is_published_once()
    {
        await using var pair = await Pair.StartAsync(new Dictionary<string, string?> { ["Kiosque:Scheduling:IntervalSeconds"] = "1" });
        var editor = await pair.A.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        await editor.CreateSectionAsync("Monde", "monde");
        var ids = new List<int>();
        for (var i = 0; i < 8; i++)
            ids.Add(await editor.CreateArticleAsync(new
            {
                section = "monde", headline = $"Programmé {i}", slug = $"programme-{i}", status = "scheduled", publishedAt = DateTimeOffset.UtcNow.AddHours(1),
            }));
        // All due at once: both instances' next passes find the same eight articles.
        var due = DateTime.UtcNow.AddSeconds(-1);
        await pair.A.WithDbAsync(db => db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedAt, due), Ct));

        var clock = Stopwatch.StartNew();
        while (await pair.A.WithDbAsync(db => db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published, Ct)) < ids.Count)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the scheduled articles were not published within 30 s");
            await Task.Delay(200, Ct);
        }
        // Both passes have had time to run again: still one publication each.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var keys = ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var entries = await pair.B.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == "article.published" && e.ActorId == Actor.Scheduler.Id && keys.Contains(e.EntityId))
            .Select(e => e.EntityId).ToListAsync(Ct));
        Assert.Equal(keys.Order(), entries.Order());
    }

    [Fact]
    public async Task A_comment_posted_on_A_is_in_B_moderation_queue()
    {
        await using var pair = await Pair.StartAsync(CommentsTestSupport.Relaxed());
        await pair.A.UpdateSettingsAsync(s => s.CommentModeration = CommentModeration.Pre);
        var section = SiteData.Section("Société", "societe", 1);
        await pair.A.AddAsync(SiteData.Article(section, "la-rentree-scolaire", "La rentrée scolaire"));

        var reader = NewsroomSession.Open(pair.A);
        var posted = await CommentsTestSupport.PostCommentAsync(reader, "Jeanne", "jeanne@example.org", "Un commentaire venu de A.");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        await NewsroomSession.CreateUserAsync(pair.B.Services, "moderation@kiosque.test", Kiosque.Api.Roles.Editor);
        var moderator = NewsroomSession.Open(pair.B);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.SignInAsync("moderation@kiosque.test")).StatusCode);
        var (status, queue) = await moderator.GetAsync("/newsroom/commentaires");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Un commentaire venu de A.", queue.Body!.TextContent, StringComparison.Ordinal);
    }
}
