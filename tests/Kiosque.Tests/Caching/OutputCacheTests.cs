using System.Net;
using Kiosque.Caching;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Comments;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Caching;

/// <summary>
/// The output cache on the real pipeline: hits are read from the X-Cache header the policy sets; evictions are
/// proven by a miss (and the new content) on exactly the pages that show a changed article, and a hit elsewhere.
/// </summary>
public sealed class OutputCacheTests
{
    /// <summary>A section with an author, a tag and a dossier, one published article in each of two sections.</summary>
    sealed record CachedSite(KiosqueApp App, HttpClient Editor, HttpClient Reader, int First, int Other)
    {
        public static async Task<CachedSite> CreateAsync(IDictionary<string, string?>? extra = null)
        {
            var app = await KiosqueApp.CreateAsync(extra: extra);
            var editor = await app.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
            await editor.CreateSectionAsync("Monde", "monde");
            await editor.CreateSectionAsync("Sport", "sport");
            await (await editor.PostJsonAsync("/api/v1/dossiers", new { name = "Océans", slug = "oceans" })).AssertStatusAsync(HttpStatusCode.Created);
            await (await editor.PostJsonAsync("/api/v1/authors", new { name = "Léa Roux", slug = "lea-roux" })).AssertStatusAsync(HttpStatusCode.Created);
            var first = await editor.CreateArticleAsync(new
            {
                section = "monde", dossier = "oceans", headline = "Les thons migrent", slug = "thons", authors = new[] { "lea-roux" },
                tags = new[] { "Pêche" }, status = "published", publishedAt = DateTimeOffset.UtcNow.AddHours(-2),
            });
            var other = await editor.CreateArticleAsync(new
            {
                section = "sport", headline = "Victoire au rugby", slug = "rugby", status = "published", publishedAt = DateTimeOffset.UtcNow.AddHours(-3),
            });
            return new CachedSite(app, editor, app.CreateAnonymousClient(), first, other);
        }

        public async Task<(string Cache, string Body)> GetAsync(string path)
        {
            using var response = await Reader.GetPathAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            return (response.Headers.TryGetValues(PublicPagePolicy.CacheHeader, out var v) ? v.Single() : "none",
                await response.Content.ReadAsStringAsync(Ct));
        }

        /// <summary>Requests each page until it is cached (the first request builds it, the second must be a hit).</summary>
        public async Task WarmAsync(params string[] paths)
        {
            foreach (var path in paths)
            {
                await GetAsync(path);
                Assert.Equal("hit", (await GetAsync(path)).Cache);
            }
        }
    }

    static readonly string[] FirstArticlePages = ["/", "/monde", "/monde/thons", "/auteurs/lea-roux", "/tags/peche", "/dossiers/oceans",
        "/rss.xml", "/monde/rss.xml", "/sitemap.xml", "/sitemap-news.xml"];

    [Fact]
    public async Task A_second_request_is_served_from_the_cache_with_cdn_headers_and_a_304_for_its_etag()
    {
        var site = await CachedSite.CreateAsync();
        await using var app = site.App;

        using var first = await site.Reader.GetPathAsync("/monde/thons");
        Assert.Equal("miss", first.Headers.GetValues(PublicPagePolicy.CacheHeader).Single());
        using var second = await site.Reader.GetPathAsync("/monde/thons");
        Assert.Equal("hit", second.Headers.GetValues(PublicPagePolicy.CacheHeader).Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));

        var cacheControl = second.Headers.CacheControl!;
        Assert.True(cacheControl.Public);
        // Browsers revalidate every time (a cheap 304); a CDN keeps the page a minute.
        Assert.Equal(TimeSpan.Zero, cacheControl.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(60), cacheControl.SharedMaxAge);
        Assert.Contains(cacheControl.Extensions, e => e.Name == "stale-while-revalidate" && e.Value == "60");
        var etag = second.Headers.ETag!;
        Assert.Equal(first.Headers.ETag, etag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/monde/thons");
        conditional.Headers.IfNoneMatch.Add(etag);
        using var notModified = await site.Reader.SendAsync(conditional, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));

        // Other query keys (campaign tags) share the page's copy; the pager's key does not.
        Assert.Equal("hit", (await site.GetAsync("/monde/thons?utm_source=lettre")).Cache);
        Assert.Equal("miss", (await site.GetAsync("/monde?page=1")).Cache);
    }

    [Fact]
    public async Task A_reader_with_cookies_or_signed_in_gets_the_cached_page_and_newsroom_pages_are_never_cached()
    {
        var site = await CachedSite.CreateAsync();
        await using var app = site.App;
        await site.WarmAsync("/monde/thons");

        await NewsroomSession.CreateUserAsync(app.Services, "redac@kiosque.test", Kiosque.Api.Roles.Editor);
        var session = NewsroomSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("redac@kiosque.test")).StatusCode);
        using var signedIn = await session.Client.GetAsync("/monde/thons", Ct);
        Assert.Equal("hit", signedIn.Headers.GetValues(PublicPagePolicy.CacheHeader).Single());
        Assert.False(signedIn.Headers.Contains("Set-Cookie"));

        using var newsroom = await session.Client.GetAsync("/newsroom", Ct);
        Assert.Equal(HttpStatusCode.OK, newsroom.StatusCode);
        Assert.False(newsroom.Headers.Contains(PublicPagePolicy.CacheHeader));
        using var api = await site.Editor.GetAsync("/api/v1/articles", Ct);
        Assert.False(api.Headers.Contains(PublicPagePolicy.CacheHeader));
    }

    [Fact]
    public async Task Publishing_evicts_the_home_its_section_dossier_author_and_tag_pages_feeds_and_sitemaps_and_nothing_else()
    {
        var site = await CachedSite.CreateAsync();
        await using var app = site.App;
        await site.WarmAsync([.. FirstArticlePages, "/sport", "/sport/rugby"]);

        var id = await site.Editor.CreateArticleAsync(new
        {
            section = "monde", dossier = "oceans", headline = "La sardine revient", slug = "sardine", authors = new[] { "lea-roux" },
            tags = new[] { "Pêche" },
        });
        // A draft shows nowhere: the lists stay cached.
        Assert.Equal("hit", (await site.GetAsync("/monde")).Cache);
        (await site.Editor.PostJsonAsync($"/api/v1/articles/{id}/publish", new { })).EnsureSuccessStatusCode();

        foreach (var path in new[] { "/", "/monde", "/auteurs/lea-roux", "/tags/peche", "/dossiers/oceans", "/rss.xml", "/monde/rss.xml", "/sitemap-news.xml" })
        {
            var (cache, body) = await site.GetAsync(path);
            Assert.True(cache == "miss", $"{path} should have been evicted");
            Assert.Contains("sardine", body, StringComparison.Ordinal);
        }
        Assert.Equal("miss", (await site.GetAsync("/sitemap.xml")).Cache);
        // Pages that do not show it: still the cached copy.
        Assert.Equal("hit", (await site.GetAsync("/sport")).Cache);
        Assert.Equal("hit", (await site.GetAsync("/sport/rugby")).Cache);
        Assert.Equal("hit", (await site.GetAsync("/monde/thons")).Cache);
    }

    [Fact]
    public async Task Editing_evicts_every_page_showing_the_article_including_related_blocks_and_unpublishing_removes_it()
    {
        var site = await CachedSite.CreateAsync();
        await using var app = site.App;
        // The rugby article lists the tuna one in its "À lire aussi" block.
        await (await site.Editor.PutJsonAsync($"/api/v1/articles/{site.Other}", new
        {
            section = "sport", headline = "Victoire au rugby", slug = "rugby", status = "published", related = new[] { new { articleId = site.First } },
        })).AssertStatusAsync(HttpStatusCode.OK);
        await site.WarmAsync([.. FirstArticlePages, "/sport", "/sport/rugby"]);
        Assert.Contains("Les thons migrent", (await site.GetAsync("/sport/rugby")).Body, StringComparison.Ordinal);

        await (await site.Editor.PutJsonAsync($"/api/v1/articles/{site.First}", new
        {
            section = "monde", dossier = "oceans", headline = "Les thons migrent vers le nord", slug = "thons", authors = new[] { "lea-roux" },
            tags = new[] { "Pêche" }, status = "published",
        })).AssertStatusAsync(HttpStatusCode.OK);
        foreach (var path in new[] { "/", "/monde", "/monde/thons", "/auteurs/lea-roux", "/tags/peche", "/dossiers/oceans", "/rss.xml", "/sport/rugby" })
        {
            var (cache, body) = await site.GetAsync(path);
            Assert.True(cache == "miss", $"{path} should have been evicted by the edit");
            Assert.Contains("vers le nord", body, StringComparison.Ordinal);
        }
        Assert.Equal("hit", (await site.GetAsync("/sport")).Cache);

        await site.WarmAsync("/monde", "/sport/rugby", "/");
        (await site.Editor.PostJsonAsync($"/api/v1/articles/{site.First}/unpublish", new { })).EnsureSuccessStatusCode();
        using var gone = await site.Reader.GetPathAsync("/monde/thons");
        Assert.NotEqual(HttpStatusCode.OK, gone.StatusCode);
        foreach (var path in new[] { "/", "/monde", "/sport/rugby", "/rss.xml" })
        {
            var (cache, body) = await site.GetAsync(path);
            Assert.True(cache == "miss", $"{path} should have been evicted by the unpublication");
            Assert.DoesNotContain("vers le nord", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_settings_change_evicts_everything()
    {
        var site = await CachedSite.CreateAsync();
        await using var app = site.App;
        await site.WarmAsync([.. FirstArticlePages, "/sport/rugby", "/robots.txt"]);

        var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        await (await admin.PutJsonAsync("/api/v1/site", new { name = "La Gazette du Large", tagline = "Au large", language = "fr" }))
            .AssertStatusAsync(HttpStatusCode.OK);
        foreach (var path in new[] { "/", "/monde", "/monde/thons", "/sport/rugby", "/auteurs/lea-roux", "/rss.xml", "/sitemap.xml", "/robots.txt" })
            Assert.True((await site.GetAsync(path)).Cache == "miss", $"{path} should have been evicted by the settings change");
        Assert.Contains("La Gazette du Large", (await site.GetAsync("/sport/rugby")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_author_evicts_nothing_and_a_renamed_one_evicts_the_pages_that_name_them()
    {
        var site = await CachedSite.CreateAsync();
        await using var app = site.App;
        await site.WarmAsync([.. FirstArticlePages, "/sport/rugby"]);

        // A wire item's byline or a newsroom form creates an author that no public page shows yet.
        await (await site.Editor.PostJsonAsync("/api/v1/authors", new { name = "Marc Dupin", slug = "marc-dupin" })).AssertStatusAsync(HttpStatusCode.Created);
        foreach (var path in FirstArticlePages)
            Assert.True((await site.GetAsync(path)).Cache == "hit", $"{path} should have stayed cached after a new author");

        await (await site.Editor.PutJsonAsync("/api/v1/authors/lea-roux", new { name = "Léa Roux-Marin", slug = "lea-roux" }))
            .AssertStatusAsync(HttpStatusCode.OK);
        var (cache, body) = await site.GetAsync("/monde/thons");
        Assert.Equal("miss", cache);
        Assert.Contains("Léa Roux-Marin", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turned_off_every_request_builds_the_page()
    {
        var site = await CachedSite.CreateAsync(new Dictionary<string, string?> { ["Kiosque:OutputCache:Enabled"] = "false" });
        await using var app = site.App;
        Assert.Equal("none", (await site.GetAsync("/monde/thons")).Cache);
        // A change the cache would not know of (no event): seen at once.
        await app.WithDbAsync(async db => await db.Articles.Where(a => a.Id == site.First)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Headline, "Titre changé en base"), Ct));
        Assert.Contains("Titre changé en base", (await site.GetAsync("/monde/thons")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turned_off_settings_and_navigation_kept_in_memory_are_read_again_after_a_change()
    {
        var site = await CachedSite.CreateAsync(new Dictionary<string, string?> { ["Kiosque:OutputCache:Enabled"] = "false" });
        await using var app = site.App;
        Assert.DoesNotContain("La Gazette du Large", (await site.GetAsync("/sport/rugby")).Body, StringComparison.Ordinal);

        var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        await (await admin.PutJsonAsync("/api/v1/site", new { name = "La Gazette du Large", tagline = "Au large", language = "fr" }))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.Contains("La Gazette du Large", (await site.GetAsync("/sport/rugby")).Body, StringComparison.Ordinal);
        Assert.Contains("La Gazette du Large", (await site.GetAsync("/rss.xml")).Body, StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            db.NavigationItems.Add(new NavigationItem { Label = "Les marées", Url = "/marees", Position = 99 });
            return await db.SaveChangesAsync(Ct);
        });
        Assert.Contains("Les marées", (await site.GetAsync("/monde/thons")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_cache_on_a_reader_sees_the_comment_posted_and_an_approved_one_appears()
    {
        var (app, articleId) = await CommentsTestSupport.CreateAsync();
        await using var _ = app;
        var reader = NewsroomSession.Open(app);
        var anonymous = app.CreateAnonymousClient();
        await anonymous.GetAsync(CommentsTestSupport.ArticlePath, Ct);
        using (var warm = await anonymous.GetAsync(CommentsTestSupport.ArticlePath, Ct))
            Assert.Equal("hit", warm.Headers.GetValues(PublicPagePolicy.CacheHeader).Single());

        // Post-moderation: published at once, on the page the reader comes back to and for everyone else.
        var posted = await CommentsTestSupport.PostCommentAsync(reader, "Jeanne", "jeanne@example.org", "Très juste, merci.");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, back) = await reader.GetAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("Très juste, merci.", back.QuerySelector("#commentaires")?.TextContent ?? back.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Très juste, merci.", await anonymous.GetStringAsync(CommentsTestSupport.ArticlePath, Ct), StringComparison.Ordinal);

        // Pre-moderation: held, invisible, then approved in the newsroom and visible.
        await app.UpdateSettingsAsync(s => s.CommentModeration = CommentModeration.Pre);
        await anonymous.GetAsync(CommentsTestSupport.ArticlePath, Ct);
        var held = await CommentsTestSupport.PostCommentAsync(reader, "Paul", "paul@example.org", "Je ne suis pas d’accord.");
        Assert.Equal(HttpStatusCode.Redirect, held.StatusCode);
        Assert.DoesNotContain("Je ne suis pas d’accord.", await anonymous.GetStringAsync(CommentsTestSupport.ArticlePath, Ct), StringComparison.Ordinal);
        var id = await app.WithDbAsync(db => db.Comments.Where(c => c.Body == "Je ne suis pas d’accord.").Select(c => c.Id).SingleAsync(Ct));
        var moderator = await app.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        (await moderator.PostJsonAsync($"/api/v1/comments/{id}/approve", new { })).EnsureSuccessStatusCode();
        Assert.Contains("Je ne suis pas d’accord.", await anonymous.GetStringAsync(CommentsTestSupport.ArticlePath, Ct), StringComparison.Ordinal);
        Assert.Equal(articleId, await app.WithDbAsync(db => db.Comments.Where(c => c.Id == id).Select(c => c.ArticleId).SingleAsync(Ct)));
    }
}
