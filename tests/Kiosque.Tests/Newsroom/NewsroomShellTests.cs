using System.Net;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Newsroom;

public sealed class NewsroomShellTests
{
    static Dictionary<string, string> Fields(params (string, string)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public async Task A_contributor_cannot_open_the_users_page()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var contributor = await NewsroomSession.SignedInAsync(app, "plume@example.fr", Roles.Contributor);

        using var refused = await contributor.Client.GetAsync("/newsroom/utilisateurs", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/newsroom/acces-refuse", refused.Headers.Location?.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync(refused.Headers.Location!.ToString())).Status);

        var (_, dashboard) = await contributor.GetAsync("/newsroom");
        Assert.DoesNotContain(dashboard.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/newsroom/utilisateurs");
    }

    [Fact]
    public async Task Reader_and_newsroom_pages_carry_the_security_headers()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var client = app.CreateAnonymousClient();
        foreach (var path in new[] { "/", "/newsroom/installation" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://geo.dailymotion.com", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);

            // Nothing the policy would block: no inline style attribute, no executable inline script.
            var page = await NewsroomSession.ParseAsync(response);
            Assert.Empty(page.QuerySelectorAll("[style]"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.All(page.Scripts, s => Assert.True(s.Type == "application/ld+json" || !string.IsNullOrEmpty(s.Source)));
        }
    }

    [Fact]
    public async Task The_dashboard_shows_drafts_in_review_scheduled_and_recently_published()
    {
        await using var app = await KiosqueApp.CreateAsync(demoContent: true);
        var (draft, scheduled, published) = await app.WithDbAsync(async db =>
        {
            var ct = TestContext.Current.CancellationToken;
            var published = await db.Articles.Where(a => a.Status == ArticleStatus.Published)
                .OrderByDescending(a => a.PublishedAt).Select(a => a.Headline).FirstAsync(ct);
            var section = await db.Sections.Select(s => s.Id).FirstAsync(ct);
            var now = DateTime.UtcNow;
            var draft = new Article { SectionId = section, Headline = "Un article soumis à la relecture", Slug = "un-article-soumis", Status = ArticleStatus.InReview, CreatedAt = now, UpdatedAt = now };
            var scheduled = new Article { SectionId = section, Headline = "Un article programmé pour demain", Slug = "programme-demain", Status = ArticleStatus.Scheduled, PublishedAt = now.AddDays(1), CreatedAt = now, UpdatedAt = now };
            db.Articles.AddRange(draft, scheduled);
            await db.SaveChangesAsync(ct);
            return (draft.Headline, scheduled.Headline, published);
        });

        var editor = await NewsroomSession.SignedInAsync(app, "edition@example.fr", Roles.Editor);
        var (status, page) = await editor.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Mes brouillons", "À relire", "Programmés", "Publiés récemment"], page.QuerySelectorAll("main h2").Select(h => h.TextContent));
        Assert.Contains(draft, page.QuerySelector("section[aria-labelledby=a-relire]")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/newsroom/articles/", page.QuerySelector("section[aria-labelledby=a-relire] li a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(scheduled, page.QuerySelector("section[aria-labelledby=programmes]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(published, page.QuerySelector("section[aria-labelledby=publies]")!.TextContent, StringComparison.Ordinal);

        // A contributor does not review others' drafts.
        var contributor = await NewsroomSession.SignedInAsync(app, "plume@example.fr", Roles.Contributor);
        var (_, own) = await contributor.GetAsync("/newsroom");
        Assert.Null(own.QuerySelector("section[aria-labelledby=a-relire]"));
    }

    [Fact]
    public async Task An_admin_invites_changes_a_role_and_disables_an_account()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var admin = await NewsroomSession.SignedInAsync(app, "chef@example.fr", Roles.Admin);

        using var invalid = await admin.SubmitAsync("/newsroom/utilisateurs",
            Fields(("Invite.Email", "pas-une-adresse"), ("Invite.Role", Roles.Editor), ("Invite.DisplayName", "Nom gardé")), handler: "Invite");
        var invalidPage = await NewsroomSession.ParseAsync(invalid);
        Assert.Equal("Nom gardé", invalidPage.QuerySelector("input[name='Invite.DisplayName']")!.GetAttribute("value"));
        Assert.NotEmpty(invalidPage.QuerySelector("[data-valmsg-for='Invite.Email']")!.TextContent);

        using var invited = await admin.SubmitAsync("/newsroom/utilisateurs",
            Fields(("Invite.Email", "plume@example.fr"), ("Invite.Role", Roles.Contributor), ("Invite.DisplayName", "Alex Plume")), handler: "Invite");
        var link = (await NewsroomSession.ParseAsync(invited)).QuerySelector(".nr-notice code")!.TextContent;
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "mail"), "*.eml"));

        var plume = NewsroomSession.Open(app);
        (await plume.CompleteSetUpAsync(link, "Alex Plume")).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await plume.GetAsync("/newsroom")).Status);

        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "plume@example.fr").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken));
        using var promoted = await admin.SubmitAsync("/newsroom/utilisateurs", Fields(("UserId", userId), ("Role", Roles.Editor)), handler: "Role");
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        var (_, list) = await admin.GetAsync("/newsroom/utilisateurs");
        Assert.Contains(list.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("plume@example.fr", StringComparison.Ordinal) && r.TextContent.Contains("Éditeur", StringComparison.Ordinal));

        using var disabled = await admin.SubmitAsync("/newsroom/utilisateurs", Fields(("UserId", userId)), handler: "Disable");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using var refused = await NewsroomSession.Open(app).SignInAsync("plume@example.fr");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_newsroom_switches_to_english_with_its_language_cookie()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var session = await NewsroomSession.SignedInAsync(app, "plume@example.fr", Roles.Contributor);
        Assert.Equal("fr", (await session.GetAsync("/newsroom")).Html.DocumentElement.GetAttribute("lang"));

        using var switched = await session.Client.GetAsync("/newsroom/langue?lang=en&retour=%2Fnewsroom", TestContext.Current.CancellationToken);
        Assert.Equal("/newsroom", switched.Headers.Location?.OriginalString);
        var (_, english) = await session.GetAsync("/newsroom");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Dashboard", english.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }
}

static class UriExtensions
{
    public static string PathAndQuery(this Uri? uri) => uri is null ? "" : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
