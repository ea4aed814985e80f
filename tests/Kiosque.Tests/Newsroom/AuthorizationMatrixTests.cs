using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kiosque.Accounts;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Api;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.AspNetCore.Http.Metadata;
using PageActionDescriptor = Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosque.Tests.Newsroom;

/// <summary>Who may pass authorization: anyone, or a newsroom role and every role above it.</summary>
public enum Access { Anonymous, Contributor, Editor, Admin }

/// <summary>
/// Every endpoint × every role (anonymous, contributor, editor, admin), requested for real on seeded data: newsroom
/// and reader pages with a signed-in cookie and a valid anti-forgery token, the API with bearer tokens. The table below
/// is the expected access; an endpoint missing from it fails, so a new route cannot go live without a decision.
/// A 400 or 404 answer counts as "let past authorization"; 401, 403 and a redirect to sign-in or access-denied count
/// as refused.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixApp matrix) : IClassFixture<MatrixApp>
{
    // One row per "METHOD route-pattern", page POST handlers as "POST pattern?handler=Name". Adding an endpoint means
    // adding its row here: one line. The rows reflect the seeded data: articles, pages and the media item belong to
    // someone else than the contributor and are published, so resource checks (own drafts, own uploads) show as Editor.
    // API writes send "{}" (a 400 then proves authorization let the request through) except where
    // MatrixApp.ValidBody gives a valid body, so that the handler's own role checks run too.
    // Newsroom article pages (Newsroom/Pages/Articles), when merged, need their rows here too.
    static readonly Dictionary<string, Access> Expected = new(StringComparer.Ordinal)
    {
        // ---- reader site
        ["GET /"] = Access.Anonymous,
        ["GET /{slug:publicslug}"] = Access.Anonymous,
        ["GET /{section:publicslug}/{slug:publicslug}"] = Access.Anonymous,
        ["GET /dossiers"] = Access.Anonymous,
        ["GET /dossiers/{slug:publicslug}"] = Access.Anonymous,
        ["GET /auteurs/{slug:publicslug}"] = Access.Anonymous,
        ["GET /tags/{slug:publicslug}"] = Access.Anonymous,
        ["GET /erreur/{code:int}"] = Access.Anonymous,
        ["POST /erreur/{code:int}"] = Access.Anonymous,
        ["GET /robots.txt"] = Access.Anonymous,
        ["GET /healthz"] = Access.Anonymous,
        ["POST /healthz"] = Access.Anonymous, // the probe names no method and writes nothing
        ["GET /readyz"] = Access.Anonymous,
        ["POST /readyz"] = Access.Anonymous, // the probe names no method and writes nothing
        // Loopback (here: the in-process test server) or the metrics token; elsewhere a 404 (ObservabilityTests).
        ["GET /metrics"] = Access.Anonymous,
        ["POST /metrics"] = Access.Anonymous, // the exporter names no method and writes nothing
        ["GET /openapi/{documentName}.json"] = Access.Anonymous,

        // ---- newsroom: signing in and links from e-mails
        ["GET /newsroom/connexion"] = Access.Anonymous,
        ["POST /newsroom/connexion"] = Access.Anonymous,
        ["GET /newsroom/connexion/code"] = Access.Anonymous,
        ["POST /newsroom/connexion/code"] = Access.Anonymous,
        ["GET /newsroom/connexion/code-de-secours"] = Access.Anonymous,
        ["POST /newsroom/connexion/code-de-secours"] = Access.Anonymous,
        ["GET /newsroom/installation"] = Access.Anonymous,
        ["GET /newsroom/bienvenue"] = Access.Anonymous,
        ["POST /newsroom/bienvenue"] = Access.Anonymous,
        ["GET /newsroom/mot-de-passe-oublie"] = Access.Anonymous,
        ["POST /newsroom/mot-de-passe-oublie"] = Access.Anonymous,
        ["GET /newsroom/nouveau-mot-de-passe"] = Access.Anonymous,
        ["POST /newsroom/nouveau-mot-de-passe"] = Access.Anonymous,
        ["GET /newsroom/acces-refuse"] = Access.Anonymous,
        ["GET /newsroom/langue"] = Access.Anonymous,

        // ---- newsroom: every role
        ["GET /newsroom"] = Access.Contributor,
        ["GET /newsroom/deconnexion"] = Access.Contributor,
        ["POST /newsroom/deconnexion"] = Access.Contributor,
        ["GET /newsroom/compte"] = Access.Contributor,
        ["POST /newsroom/compte?handler=Password"] = Access.Contributor,
        ["POST /newsroom/compte?handler=SignOutEverywhere"] = Access.Contributor,
        ["GET /newsroom/compte/double-authentification"] = Access.Contributor,
        ["POST /newsroom/compte/double-authentification?handler=Enable"] = Access.Contributor,
        ["POST /newsroom/compte/double-authentification?handler=RecoveryCodes"] = Access.Contributor,
        ["POST /newsroom/compte/double-authentification?handler=Disable"] = Access.Contributor,
        ["GET /newsroom/medias"] = Access.Contributor,
        ["POST /newsroom/medias?handler=Upload"] = Access.Contributor,
        ["GET /newsroom/medias/{id:int}"] = Access.Contributor,
        ["POST /newsroom/medias/{id:int}"] = Access.Editor,
        ["POST /newsroom/medias/{id:int}?handler=Delete"] = Access.Editor,

        // ---- newsroom: editors and admins
        ["GET /newsroom/une"] = Access.Editor,
        ["POST /newsroom/une?handler=Add"] = Access.Editor,
        ["POST /newsroom/une?handler=Remove"] = Access.Editor,
        ["POST /newsroom/une?handler=Pin"] = Access.Editor,
        ["POST /newsroom/une?handler=Move"] = Access.Editor,
        ["GET /newsroom/reglages"] = Access.Editor,
        ["GET /newsroom/reglages/rubriques/{id:int?}"] = Access.Editor,
        ["POST /newsroom/reglages/rubriques/{id:int?}?handler=Save"] = Access.Editor,
        ["POST /newsroom/reglages/rubriques/{id:int?}?handler=Move"] = Access.Editor,
        ["POST /newsroom/reglages/rubriques/{id:int?}?handler=Delete"] = Access.Editor,
        ["GET /newsroom/reglages/dossiers/{id:int?}"] = Access.Editor,
        ["POST /newsroom/reglages/dossiers/{id:int?}?handler=Save"] = Access.Editor,
        ["POST /newsroom/reglages/dossiers/{id:int?}?handler=Delete"] = Access.Editor,
        ["GET /newsroom/reglages/pages/{id:int?}"] = Access.Editor,
        ["POST /newsroom/reglages/pages/{id:int?}?handler=Save"] = Access.Editor,
        ["POST /newsroom/reglages/pages/{id:int?}?handler=Delete"] = Access.Editor,
        ["GET /newsroom/reglages/signatures"] = Access.Editor,
        ["GET /newsroom/reglages/signatures/{id:int}"] = Access.Editor,
        ["POST /newsroom/reglages/signatures/{id:int}?handler=Save"] = Access.Editor,
        ["POST /newsroom/reglages/signatures/{id:int}?handler=Delete"] = Access.Editor,
        ["GET /newsroom/reglages/signatures/nouvelle"] = Access.Editor,
        ["POST /newsroom/reglages/signatures/nouvelle?handler=Save"] = Access.Editor,
        ["POST /newsroom/reglages/signatures/nouvelle?handler=Delete"] = Access.Editor,

        // ---- newsroom: admins
        ["GET /newsroom/reglages/navigation"] = Access.Admin,
        ["POST /newsroom/reglages/navigation?handler=Add"] = Access.Admin,
        ["POST /newsroom/reglages/navigation?handler=Remove"] = Access.Admin,
        ["POST /newsroom/reglages/navigation?handler=Move"] = Access.Admin,
        ["POST /newsroom/reglages/navigation?handler=Save"] = Access.Admin,
        ["GET /newsroom/reglages/site"] = Access.Admin,
        ["POST /newsroom/reglages/site"] = Access.Admin,
        ["GET /newsroom/journal"] = Access.Admin,
        ["GET /newsroom/utilisateurs"] = Access.Admin,
        ["POST /newsroom/utilisateurs?handler=Invite"] = Access.Admin,
        ["POST /newsroom/utilisateurs?handler=Role"] = Access.Admin,
        ["POST /newsroom/utilisateurs?handler=Disable"] = Access.Admin,
        ["POST /newsroom/utilisateurs?handler=Enable"] = Access.Admin,
        ["POST /newsroom/utilisateurs?handler=Security"] = Access.Admin,
        ["GET /newsroom/reglages/webhooks"] = Access.Admin,
        ["POST /newsroom/reglages/webhooks?handler=Add"] = Access.Admin,
        ["POST /newsroom/reglages/webhooks?handler=Delete"] = Access.Admin,

        // ---- API: reads are public (published content only), writes need a token with the right role
        ["GET /api/v1/articles"] = Access.Anonymous,
        ["POST /api/v1/articles"] = Access.Contributor,
        ["GET /api/v1/articles/{id:int}"] = Access.Anonymous,
        ["PUT /api/v1/articles/{id:int}"] = Access.Editor,
        ["DELETE /api/v1/articles/{id:int}"] = Access.Editor,
        ["POST /api/v1/articles/{id:int}/submit"] = Access.Editor,
        ["POST /api/v1/articles/{id:int}/publish"] = Access.Editor,
        ["POST /api/v1/articles/{id:int}/schedule"] = Access.Editor,
        ["POST /api/v1/articles/{id:int}/unpublish"] = Access.Editor,
        ["POST /api/v1/articles/{id:int}/draft"] = Access.Editor,
        ["POST /api/v1/articles/{id:int}/corrections"] = Access.Editor,
        ["GET /api/v1/articles/{id:int}/revisions"] = Access.Contributor,
        ["GET /api/v1/articles/{id:int}/revisions/{from:int}/diff/{to:int}"] = Access.Contributor,
        ["POST /api/v1/articles/{id:int}/revisions/{number:int}/restore"] = Access.Editor,
        ["GET /api/v1/media/{id:int}"] = Access.Anonymous,
        ["POST /api/v1/media"] = Access.Contributor,
        ["GET /api/v1/sections"] = Access.Anonymous,
        ["GET /api/v1/sections/{slug}"] = Access.Anonymous,
        ["POST /api/v1/sections"] = Access.Editor,
        ["PUT /api/v1/sections/{slug}"] = Access.Editor,
        ["GET /api/v1/dossiers"] = Access.Anonymous,
        ["GET /api/v1/dossiers/{slug}"] = Access.Anonymous,
        ["POST /api/v1/dossiers"] = Access.Editor,
        ["PUT /api/v1/dossiers/{slug}"] = Access.Editor,
        ["GET /api/v1/authors"] = Access.Anonymous,
        ["GET /api/v1/authors/{slug}"] = Access.Anonymous,
        ["POST /api/v1/authors"] = Access.Editor,
        ["PUT /api/v1/authors/{slug}"] = Access.Editor,
        ["GET /api/v1/pages"] = Access.Anonymous,
        ["GET /api/v1/pages/{slug}"] = Access.Anonymous,
        ["POST /api/v1/pages"] = Access.Contributor,
        ["PUT /api/v1/pages/{slug}"] = Access.Editor,
        ["GET /api/v1/site"] = Access.Anonymous,
        ["PUT /api/v1/site"] = Access.Admin,
        ["GET /api/v1/site/navigation"] = Access.Anonymous,
        ["PUT /api/v1/site/navigation"] = Access.Admin,
        ["GET /api/v1/audit"] = Access.Admin,
        ["GET /api/v1/search"] = Access.Anonymous,
        ["GET /api/v1/articles/{id:int}/suggestions"] = Access.Contributor,
        ["GET /api/v1/articles/{id:int}/comments"] = Access.Anonymous,
        ["GET /api/v1/comments"] = Access.Editor,
        ["POST /api/v1/comments/{id:int}/approve"] = Access.Editor,
        ["POST /api/v1/comments/{id:int}/reject"] = Access.Editor,
        ["DELETE /api/v1/comments/{id:int}"] = Access.Editor,
        ["POST /api/v1/ingest/ninjs"] = Access.Editor,
        ["GET /api/v1/webhooks"] = Access.Admin,
        ["POST /api/v1/webhooks"] = Access.Admin,
        ["DELETE /api/v1/webhooks/{id:int}"] = Access.Admin,
        ["GET /api/v1/webhooks/{id:int}/deliveries"] = Access.Admin,

        // ---- reader: search, feeds and sitemaps
        ["GET /recherche"] = Access.Anonymous,
        ["GET /rss.xml"] = Access.Anonymous,
        ["GET /atom.xml"] = Access.Anonymous,
        ["GET /{section:publicslug}/rss.xml"] = Access.Anonymous,
        ["GET /{section:publicslug}/atom.xml"] = Access.Anonymous,
        ["GET /{section:publicslug}/podcast.xml"] = Access.Anonymous,
        ["GET /dossiers/{slug:publicslug}/rss.xml"] = Access.Anonymous,
        ["GET /dossiers/{slug:publicslug}/atom.xml"] = Access.Anonymous,
        ["GET /auteurs/{slug:publicslug}/rss.xml"] = Access.Anonymous,
        ["GET /auteurs/{slug:publicslug}/atom.xml"] = Access.Anonymous,
        ["GET /tags/{slug:publicslug}/rss.xml"] = Access.Anonymous,
        ["GET /tags/{slug:publicslug}/atom.xml"] = Access.Anonymous,
        ["GET /sitemap.xml"] = Access.Anonymous,
        ["GET /sitemap-news.xml"] = Access.Anonymous,
        ["GET /sitemaps/pages.xml"] = Access.Anonymous,
        ["GET /sitemaps/articles-{page:int}.xml"] = Access.Anonymous,

        // ---- reader: comments (readers are anonymous; moderation is the newsroom's)
        ["GET /commentaires"] = Access.Anonymous,
        ["POST /commentaires"] = Access.Anonymous,
        ["GET /commentaires/apercu"] = Access.Anonymous,
        ["POST /commentaires/apercu"] = Access.Anonymous,
        ["GET /commentaires/confirmer"] = Access.Anonymous,
        ["POST /commentaires/confirmer"] = Access.Anonymous,
        ["GET /commentaires/desabonnement"] = Access.Anonymous,
        ["POST /commentaires/desabonnement"] = Access.Anonymous,
        ["GET /commentaires/signaler/{id:int}"] = Access.Anonymous,
        ["POST /commentaires/signaler/{id:int}"] = Access.Anonymous,

        // ---- newsroom: articles (contributors see their own and published pieces; editing others' needs an editor)
        ["GET /newsroom/articles"] = Access.Contributor,
        ["GET /newsroom/articles/{id}"] = Access.Contributor,
        ["POST /newsroom/articles/{id}"] = Access.Editor,
        ["POST /newsroom/articles/{id}?handler=Autosave"] = Access.Editor,
        ["GET /newsroom/articles/{id:int}/apercu"] = Access.Contributor,
        ["GET /newsroom/articles/{id:int}/revisions"] = Access.Contributor,
        ["POST /newsroom/articles/{id:int}/revisions?handler=Restore"] = Access.Editor,
        ["GET /newsroom/commentaires"] = Access.Editor,
        ["POST /newsroom/commentaires?handler=Edit"] = Access.Editor,
        ["POST /newsroom/commentaires?handler=Moderate"] = Access.Editor,
        ["POST /newsroom/commentaires?handler=Settings"] = Access.Admin,
        // ---- newsroom: WordPress import (admins only)
        ["GET /newsroom/import"] = Access.Admin,
        ["POST /newsroom/import"] = Access.Admin,
        ["GET /newsroom/import/{id:int}"] = Access.Admin,
        ["GET /newsroom/import/{id:int}/etat"] = Access.Admin,
        // ---- reader: newsletter (sign-up, signed links from e-mails, the archive; no login by design)
        ["GET /newsletter"] = Access.Anonymous,
        ["POST /newsletter"] = Access.Anonymous,
        ["GET /newsletter/confirmer"] = Access.Anonymous,
        ["POST /newsletter/confirmer"] = Access.Anonymous,
        ["GET /newsletter/preferences"] = Access.Anonymous,
        ["POST /newsletter/preferences"] = Access.Anonymous,
        ["GET /newsletter/desabonnement"] = Access.Anonymous,
        ["POST /newsletter/desabonnement"] = Access.Anonymous,
        ["GET /newsletter/archives"] = Access.Anonymous,
        ["GET /newsletter/archives/{id:int}"] = Access.Anonymous,
        // ---- newsroom: newsletter (editors compose and send; admins manage lists and subscribers' personal data)
        ["GET /newsroom/newsletter"] = Access.Editor,
        ["POST /newsroom/newsletter?handler=Create"] = Access.Editor,
        ["GET /newsroom/newsletter/editions/{id:int}"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=Save"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=Fill"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=Add"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=Remove"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=Move"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=Test"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=Schedule"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=SendNow"] = Access.Editor,
        ["POST /newsroom/newsletter/editions/{id:int}?handler=Unschedule"] = Access.Editor,
        ["GET /newsroom/newsletter/editions/{id:int}/apercu"] = Access.Editor,
        ["GET /newsroom/newsletter/listes"] = Access.Admin,
        ["POST /newsroom/newsletter/listes?handler=Save"] = Access.Admin,
        ["GET /newsroom/newsletter/abonnes"] = Access.Admin,
        ["POST /newsroom/newsletter/abonnes?handler=Erase"] = Access.Admin,
        // ---- API: newsletter (editors and admins)
        ["GET /api/v1/newsletters"] = Access.Editor,
        ["POST /api/v1/newsletters/{id:int}/editions"] = Access.Editor,
        ["GET /api/v1/newsletters/editions/{id:int}"] = Access.Editor,
        ["POST /api/v1/newsletters/editions/{id:int}/send"] = Access.Editor,
        // The catch-all that words 404/405/415 problems for routes that do not exist.
        ["GET /api/{**path}"] = Access.Anonymous,
        ["POST /api/{**path}"] = Access.Anonymous,
    };

    // Where a 404 is the endpoint's own answer rather than a sign that the test named missing data.
    // The comment preview needs ?article= (it is reached from an article's form); a podcast feed exists for podcast sections only.
    static readonly HashSet<string> NotFoundByDesign =
    [
        "GET /erreur/{code:int}", "POST /erreur/{code:int}", "GET /api/{**path}", "POST /api/{**path}",
        "GET /commentaires/apercu", "GET /{section:publicslug}/podcast.xml",
    ];

    static readonly Access[] Roles = [Access.Anonymous, Access.Contributor, Access.Editor, Access.Admin];

    [Fact]
    public void Every_endpoint_has_a_row_in_the_expected_access_table()
    {
        var keys = matrix.Requests.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var missing = keys.Where(k => !Expected.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            "Endpoints with no expected access (deny by default): add a row to AuthorizationMatrixTests.Expected for each of\n  "
            + string.Join("\n  ", missing));
        var stale = Expected.Keys.Where(k => !keys.Contains(k)).Order(StringComparer.Ordinal).ToList();
        Assert.True(stale.Count == 0, "Rows for endpoints that no longer exist: remove them\n  " + string.Join("\n  ", stale));
    }

    [Fact]
    public async Task Every_endpoint_allows_exactly_the_roles_the_table_says()
    {
        var failures = new List<string>();
        var grid = new StringBuilder("endpoint | anonymous | contributor | editor | admin\n");
        // Reads first, on intact data; writes afterwards, each on data that survives it or on a fresh copy.
        foreach (var request in matrix.Requests.OrderBy(r => r.Method == "GET" ? 0 : 1))
        {
            if (!Expected.TryGetValue(request.Key, out var minimum))
            {
                failures.Add($"{request.Key}: not in the table (deny by default) — add a row to AuthorizationMatrixTests.Expected");
                continue;
            }
            grid.Append(request.Key);
            foreach (var role in Roles)
            {
                var (status, location, denied) = await matrix.SendAsync(request, role);
                grid.Append(" | ").Append((int)status).Append(denied ? " denied" : "");
                var shouldPass = role >= minimum;
                var answer = $"{(int)status}{(location is null ? "" : " → " + location)}";
                if (denied && shouldPass) failures.Add($"{request.Key} as {role}: unexpected DENY ({answer}); expected {minimum} and above");
                else if (!denied && !shouldPass) failures.Add($"{request.Key} as {role}: unexpected ALLOW ({answer}); expected {minimum} and above");
                else if (!denied && status == HttpStatusCode.NotFound && request.Method == "GET" && !NotFoundByDesign.Contains(request.Key))
                    failures.Add($"{request.Key} as {role}: 404 — the test's route values do not name seeded data");
                else if (!denied && status == HttpStatusCode.BadRequest && request.IsPage)
                    failures.Add($"{request.Key} as {role}: 400 — the page refused the test's anti-forgery token, so authorization was not exercised");
                else if (status >= HttpStatusCode.InternalServerError)
                    failures.Add($"{request.Key} as {role}: {answer} — user input must never yield a 5xx");
            }
            grid.Append('\n');
        }
        // The whole grid in the test's output: what each role got, to read when a row is in doubt.
        TestContext.Current.TestOutputHelper?.WriteLine(grid.ToString());
        Assert.True(failures.Count == 0, $"{failures.Count} mismatch(es) over {matrix.Requests.Count} endpoint/method pairs:\n  " + string.Join("\n  ", failures));
    }
}

/// <summary>One endpoint and method to request; pages list each POST handler apart.</summary>
public sealed record MatrixRequest(string Method, string Pattern, string? Handler, bool IsPage, bool IsApi, IReadOnlyList<string> Parameters, string? ContentType)
{
    public string Key => $"{Method} {Pattern}{(Handler is null ? "" : "?handler=" + Handler)}";
}

/// <summary>The app, its seeded data and a signed-in client per role, made once for the class.</summary>
public sealed class MatrixApp : IAsyncLifetime
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    KiosqueApp app = null!;
    readonly Dictionary<Access, (NewsroomSession Session, string Token)> cookies = [];
    readonly Dictionary<Access, HttpClient> bearers = [];
    HttpClient editorApi = null!;
    int userCount;

    public List<MatrixRequest> Requests { get; } = [];

    // Seeded data the route values name.
    Section section = null!;
    Dossier dossier = null!;
    Author author = null!;
    Tag tag = null!;
    Page page = null!;
    MediaItem media = null!;
    int articleId;
    int importJobId;
    string articleSlug = "";
    Kiosque.Webhooks.Webhook webhook = null!;
    int newsletterId;
    int sentEditionId;
    int draftEditionId;

    public async ValueTask InitializeAsync()
    {
        app = await KiosqueApp.CreateAsync();
        await SeedAsync();
        await ListEndpointsAsync();
        var anonymous = NewsroomSession.Open(app);
        cookies[Access.Anonymous] = (anonymous, await AntiforgeryTokenAsync(anonymous, AccountPaths.SignIn));
        foreach (var role in new[] { Access.Contributor, Access.Editor, Access.Admin })
        {
            var session = await SignInAsync(role);
            cookies[role] = (session, await AntiforgeryTokenAsync(session, "/newsroom/compte"));
            bearers[role] = await app.CreateApiClientAsync(RoleName(role));
        }
        bearers[Access.Anonymous] = app.CreateAnonymousClient();
        editorApi = bearers[Access.Editor];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in bearers.Values) client.Dispose();
        foreach (var (session, _) in cookies.Values) session.Client.Dispose();
        await app.DisposeAsync();
    }

    static string RoleName(Access role) => role switch
    {
        Access.Admin => Kiosque.Api.Roles.Admin,
        Access.Editor => Kiosque.Api.Roles.Editor,
        _ => Kiosque.Api.Roles.Contributor,
    };

    async Task<NewsroomSession> SignInAsync(Access role) =>
        await NewsroomSession.SignedInAsync(app, $"{role.ToString().ToLowerInvariant()}{++userCount}@example.org", RoleName(role));

    static async Task<string> AntiforgeryTokenAsync(NewsroomSession session, string url)
    {
        var (status, html) = await session.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        return html.QuerySelector<IHtmlInputElement>("input[name='__RequestVerificationToken']")?.Value
               ?? throw new InvalidOperationException($"No anti-forgery token on {url}.");
    }

    async Task SeedAsync()
    {
        section = SiteData.Section("International", "international", 1);
        dossier = new Dossier { Name = "Guerre en Ukraine", Slug = "guerre-en-ukraine", CreatedAt = SiteData.Published };
        media = SiteData.Image("/media/2026/11/matrice.jpg", "Une photo de la matrice");
        author = new Author { Name = "Anne Matrice", Slug = "anne-matrice", Photo = media };
        tag = new Tag { Name = "Diplomatie", Slug = "diplomatie" };
        page = new Page { Title = "Qui sommes-nous ?", Slug = "qui-sommes-nous", BodyHtml = "<p>Une rédaction.</p>", Status = PageStatus.Published, CreatedAt = SiteData.Published, UpdatedAt = SiteData.Published };
        webhook = new Kiosque.Webhooks.Webhook { Url = "https://hooks.example.org/matrice", Secret = "s", Events = "article.published", CreatedAt = SiteData.Published };
        await app.AddAsync(section, dossier, media, author, tag, page, webhook);
        // A finished import, for its page and its progress endpoint.
        var job = new Kiosque.Import.ImportJob
        {
            FileName = "export.xml", StoredPath = "imports/fini.xml", State = Kiosque.Import.ImportJobState.Succeeded,
            CreatedBy = "test", CreatedByName = "Test", CreatedAt = SiteData.Published, FinishedAt = SiteData.Published, Message = "Created: 0 articles.",
        };
        await app.AddAsync(job);
        importJobId = job.Id;
        // Through the API, so that the article has revisions 1 and 2 to diff and restore, and an author who uses the photo.
        using var editor = await app.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        articleId = await editor.CreateArticleAsync(new
        {
            section = section.Slug, dossier = dossier.Slug, headline = "Le sommet de la matrice", authors = new[] { author.Slug },
            tags = new[] { tag.Name }, bodyHtml = "<p>Premier état.</p>", status = "published",
        });
        var created = await (await editor.GetPathAsync($"/api/v1/articles/{articleId}")).AssertStatusAsync(HttpStatusCode.OK);
        articleSlug = created.GetProperty("slug").GetString()!;
        await SeedNewsletterAsync();
        await (await editor.PutJsonAsync($"/api/v1/articles/{articleId}", new
        {
            section = section.Slug, dossier = dossier.Slug, headline = "Le sommet de la matrice", slug = articleSlug, authors = new[] { author.Slug },
            tags = new[] { tag.Name }, bodyHtml = "<p>Second état.</p>", status = "published", version = created.GetProperty("version").GetInt32(),
        })).AssertStatusAsync(HttpStatusCode.OK);
    }

    async Task SeedNewsletterAsync()
    {
        newsletterId = await app.WithDbAsync(db => db.NewsletterLists.Select(l => l.Id).FirstAsync());
        var sent = new Kiosque.Newsletter.Edition
        {
            ListId = newsletterId, Subject = "Édition envoyée", Status = Kiosque.Newsletter.EditionStatus.Sent, CreatedAt = SiteData.Published,
            SentAt = SiteData.Published, Items = [new Kiosque.Newsletter.EditionItem { ArticleId = articleId }],
        };
        await app.AddAsync(sent);
        sentEditionId = sent.Id;
        draftEditionId = await FreshEditionAsync();
    }

    /// <summary>A draft edition, new for each write since sending or editing changes it.</summary>
    async Task<int> FreshEditionAsync()
    {
        var draft = new Kiosque.Newsletter.Edition
        {
            ListId = newsletterId, Subject = "Brouillon", Status = Kiosque.Newsletter.EditionStatus.Draft, CreatedAt = SiteData.Published,
            Items = [new Kiosque.Newsletter.EditionItem { ArticleId = articleId }],
        };
        await app.AddAsync(draft);
        return draft.Id;
    }

    /// <summary>An article of the editor's, published, for writes that would change the shared one.</summary>
    async Task<int> FreshArticleAsync() =>
        await editorApi.CreateArticleAsync(new { section = section.Slug, headline = "Jetable " + Guid.NewGuid().ToString("N")[..8], status = "published" });

    /// <summary>A webhook for deletes, so that the shared one stays for the reads.</summary>
    async Task<int> FreshWebhookAsync()
    {
        var fresh = new Kiosque.Webhooks.Webhook { Url = "https://hooks.example.org/jetable", Secret = "s", Events = "article.published", CreatedAt = SiteData.Published };
        await app.AddAsync(fresh);
        return fresh.Id;
    }

    /// <summary>An approved comment on the shared article, new for each request since moderation may delete it.</summary>
    async Task<int> CommentAsync()
    {
        var comment = new Kiosque.Comments.Comment
        {
            ArticleId = articleId, AuthorName = "Lectrice", AuthorEmail = "lectrice@example.org", Body = "Un avis.",
            Status = Kiosque.Comments.CommentStatus.Approved, CreatedAt = SiteData.Published,
        };
        await app.AddAsync(comment);
        return comment.Id;
    }

    /// <summary>A published static page, for writes that would change or delete the shared one (nothing can keep a page alive).</summary>
    async Task<Page> FreshPageAsync()
    {
        var fresh = new Page
        {
            Title = "Jetable", Slug = "jetable-" + Guid.NewGuid().ToString("N")[..8], BodyHtml = "<p>Jetable.</p>",
            Status = PageStatus.Published, CreatedAt = SiteData.Published, UpdatedAt = SiteData.Published,
        };
        await app.AddAsync(fresh);
        return fresh;
    }

    /// <summary>Valid bodies where "{}" would stop at validation before the handler's own role checks.</summary>
    string? ValidBody(MatrixRequest request) => request.Key switch
    {
        "PUT /api/v1/articles/{id:int}" => JsonSerializer.Serialize(new { section = section.Slug, headline = "Réécrit", status = "published" }),
        "POST /api/v1/articles/{id:int}/schedule" => """{"publishedAt":"2030-01-01T08:00:00Z"}""",
        "POST /api/v1/articles/{id:int}/corrections" => """{"text":"Une précision a été ajoutée."}""",
        "PUT /api/v1/pages/{slug}" => """{"title":"Réécrite","status":"draft"}""",
        _ => null,
    };

    async Task ListEndpointsAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            // A group's "" route ends in a slash that requests do not need: "/api/v1/articles/" is "/api/v1/articles".
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").Trim('/');
            var parameters = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList();
            var isApi = pattern.StartsWith("/api/", StringComparison.Ordinal);
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
                Requests.Add(new MatrixRequest("GET", pattern, null, IsPage: true, isApi, parameters, null));
                foreach (var handler in compiled.HandlerMethods.Where(h => h.HttpMethod == "Post").Select(h => h.Name).Distinct())
                    Requests.Add(new MatrixRequest("POST", pattern, handler, IsPage: true, isApi, parameters, null));
                continue;
            }
            // An endpoint that names no method answers any: GET and POST stand for them.
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes;
            var contentType = accepts?.FirstOrDefault(t => t.StartsWith("multipart/", StringComparison.Ordinal)) ?? "application/json";
            foreach (var method in methods.Where(m => m is not ("HEAD" or "OPTIONS")))
                Requests.Add(new MatrixRequest(method, pattern, null, IsPage: false, isApi, parameters, WriteMethods.Contains(method) ? contentType : null));
        }
        Requests.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        Assert.Equal(Requests.Count, Requests.Select(r => r.Key).Distinct().Count());
    }

    async Task<string> ValueAsync(MatrixRequest request, string parameter) => (request.Pattern, parameter) switch
    {
        (var p, "id") when p.StartsWith("/api/v1/articles/", StringComparison.Ordinal) =>
            Id(request.Method == "GET" ? articleId : await FreshArticleAsync()),
        (var p, "id") when p.StartsWith("/api/v1/media/", StringComparison.Ordinal) || p.StartsWith("/newsroom/medias/", StringComparison.Ordinal) => Id(media.Id),
        (var p, "id") when p.StartsWith("/newsroom/articles/", StringComparison.Ordinal) =>
            Id(request.Method == "GET" ? articleId : await FreshArticleAsync()),
        (var p, "id") when p.StartsWith("/api/v1/comments/", StringComparison.Ordinal) || p.StartsWith("/commentaires/", StringComparison.Ordinal) =>
            Id(await CommentAsync()),
        (var p, "id") when p.StartsWith("/api/v1/webhooks/", StringComparison.Ordinal) =>
            Id(request.Method == "GET" ? webhook.Id : await FreshWebhookAsync()),
        (_, "page") => "1",
        (var p, "id") when p.StartsWith("/newsletter/archives/", StringComparison.Ordinal) => Id(sentEditionId),
        (var p, "id") when p.StartsWith("/newsroom/newsletter/editions/", StringComparison.Ordinal) || p.StartsWith("/api/v1/newsletters/editions/", StringComparison.Ordinal) =>
            Id(request.Method == "GET" ? draftEditionId : await FreshEditionAsync()),
        (var p, "id") when p.StartsWith("/api/v1/newsletters/", StringComparison.Ordinal) => Id(newsletterId),
        (var p, "id") when p.StartsWith("/newsroom/reglages/signatures/", StringComparison.Ordinal) => Id(author.Id),
        (var p, "id") when p.StartsWith("/newsroom/reglages/rubriques/", StringComparison.Ordinal) => Id(section.Id),
        (var p, "id") when p.StartsWith("/newsroom/reglages/dossiers/", StringComparison.Ordinal) => Id(dossier.Id),
        (var p, "id") when p.StartsWith("/newsroom/import/", StringComparison.Ordinal) => Id(importJobId),
        (var p, "id") when p.StartsWith("/newsroom/reglages/pages/", StringComparison.Ordinal) =>
            Id(request.Method == "GET" ? page.Id : (await FreshPageAsync()).Id),
        (_, "from" or "number") => "1",
        (_, "to") => "2",
        (var p, "slug") when p.StartsWith("/api/v1/sections/", StringComparison.Ordinal) => section.Slug,
        (var p, "slug") when p.StartsWith("/api/v1/dossiers/", StringComparison.Ordinal) || p.StartsWith("/dossiers/", StringComparison.Ordinal) => dossier.Slug,
        (var p, "slug") when p.StartsWith("/api/v1/authors/", StringComparison.Ordinal) || p.StartsWith("/auteurs/", StringComparison.Ordinal) => author.Slug,
        (var p, "slug") when p.StartsWith("/api/v1/pages/", StringComparison.Ordinal) =>
            request.Method == "GET" ? page.Slug : (await FreshPageAsync()).Slug,
        (var p, "slug") when p.StartsWith("/tags/", StringComparison.Ordinal) => tag.Slug,
        ("/{section:publicslug}/{slug:publicslug}", "section") => section.Slug,
        ("/{section:publicslug}/{slug:publicslug}", "slug") => articleSlug,
        ("/{slug:publicslug}", "slug") => section.Slug,
        (_, "section") => section.Slug,
        (_, "code") => "404",
        (_, "documentName") => "v1",
        (_, "path") => "nulle-part",
        _ => throw new InvalidOperationException($"No seeded value for {{{parameter}}} in {request.Pattern}: add one to MatrixApp.ValueAsync."),
    };

    static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    async Task<string> UrlAsync(MatrixRequest request)
    {
        var url = new StringBuilder();
        foreach (var segment in request.Pattern.Split('/').Skip(1))
        {
            url.Append('/');
            var rest = segment;
            while (rest.IndexOf('{', StringComparison.Ordinal) is var open and >= 0)
            {
                var close = rest.IndexOf('}', open);
                url.Append(rest[..open]);
                var name = rest[(open + 1)..close].TrimStart('*').Split(':', '=')[0].TrimEnd('?');
                url.Append(Uri.EscapeDataString(await ValueAsync(request, name)));
                rest = rest[(close + 1)..];
            }
            url.Append(rest);
        }
        if (request.Handler is not null) url.Append("?handler=").Append(request.Handler);
        return url.ToString();
    }

    /// <summary>Sends the request as <paramref name="role"/>; tells whether authorization turned it away.</summary>
    public async Task<(HttpStatusCode Status, string? Location, bool Denied)> SendAsync(MatrixRequest request, Access role)
    {
        var url = await UrlAsync(request);
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), url);
        HttpClient client;
        NewsroomSession? throwaway = null;
        if (request.IsApi)
        {
            client = bearers[role];
            if (request.ContentType == "application/json") message.Content = new StringContent(ValidBody(request) ?? "{}", Encoding.UTF8, "application/json");
            else if (request.ContentType is not null) message.Content = new MultipartFormDataContent();
        }
        else
        {
            var (session, token) = cookies[role];
            // Signing out, or changing what the security stamp covers, would end the shared session: use a new one.
            if (request.Method == "POST" && role != Access.Anonymous && EndsSession(request))
            {
                throwaway = session = await SignInAsync(role);
                token = await AntiforgeryTokenAsync(session, "/newsroom/compte");
            }
            client = session.Client;
            if (request.Method != "GET")
                message.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        }
        try
        {
            using var response = await client.SendAsync(message, Ct);
            var location = response.Headers.Location?.OriginalString;
            return (response.StatusCode, location, IsDenial(response, url));
        }
        finally
        {
            throwaway?.Client.Dispose();
        }
    }

    static bool EndsSession(MatrixRequest request) =>
        request.Pattern is "/newsroom/deconnexion" || request.Pattern.StartsWith("/newsroom/compte", StringComparison.Ordinal);

    static bool IsDenial(HttpResponseMessage response, string url)
    {
        switch (response.StatusCode)
        {
            case HttpStatusCode.Unauthorized:
                return true;
            case HttpStatusCode.Forbidden:
                // The access-denied page itself answers 403 to whoever opens it: that is its content, not a refusal.
                return !url.StartsWith(AccountPaths.AccessDenied, StringComparison.Ordinal);
            case HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect:
                if (response.Headers.Location is not { } location) return false;
                var target = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
                // The cookie's challenge and forbid carry ReturnUrl; a page's own redirect to sign-in does not.
                return target is AccountPaths.SignIn or AccountPaths.AccessDenied or AccountPaths.Installation
                       && location.OriginalString.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }
}
