using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Kiosque.BrowserTests.Newsroom;

/// <summary>
/// The real executable with an admin and an editor's API token made by its own CLI, a watched wire folder, webhooks
/// allowed to reach this machine (the test's receiver listens on loopback) and quick background passes.
/// </summary>
public sealed class InteropServer : KiosqueServer
{
    public const string Password = "une phrase de passe assez longue";
    public string AdminLink { get; private set; } = "";
    public string Token { get; private set; } = "";
    public string WireFolder { get; } = Path.Combine(Path.GetTempPath(), "kiosque-wires-" + Guid.NewGuid().ToString("N")[..8]);

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Kiosque__Wires__Folder"] = WireFolder,
        ["Kiosque__Wires__PollSeconds"] = "1",
        ["Kiosque__Wires__SettleSeconds"] = "0",
        ["Kiosque__Webhooks__AllowPrivateNetworks"] = "true",
        ["Kiosque__Webhooks__PollSeconds"] = "1",
        ["Kiosque__Import__PollSeconds"] = "1",
    };

    protected override async Task BeforeStartAsync()
    {
        Directory.CreateDirectory(WireFolder);
        AdminLink = new Uri((await RunCliAsync("users", "create-admin", "--email", "admin@example.fr")).TrimEnd().Split('\n')[^1].Trim()).PathAndQuery;
        Token = (await RunCliAsync("tokens", "create", "--name", "fil-afp", "--role", "editor")).TrimEnd().Split('\n')[^1].Trim();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(WireFolder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>
/// Issue 8's newsroom side in Debian's chromium, against the real executable: an admin uploads the WordPress theme
/// unit test export and follows the job to its end, reads an imported post on the site and is sent there from its
/// old permalink; a hostile export (external entity, entity bomb) is refused with its line and changes nothing; a
/// webhook registered on the settings page receives a signed delivery when a wire draft (posted through the ingest
/// API) is published, a receiver that is down gets a retry scheduled, both in the delivery log; an item dropped
/// in the watched folder shows as a draft with its agency and its cancellation. Every page is checked for console
/// errors (CSP violations included) and, at 390 px, for a page wider than the screen.
/// </summary>
public sealed class InteropFlowTests(Browser browser, InteropServer server) : IClassFixture<Browser>, IClassFixture<InteropServer>
{
    static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "themeunittestdata.wordpress.xml");
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    readonly List<string> consoleErrors = [];
    static string? adminState;
    static readonly SemaphoreSlim SignIn = new(1, 1);

    [Fact]
    public async Task An_admin_imports_a_wordpress_export_and_its_posts_comments_and_old_permalinks_work_on_the_site()
    {
        Browser.SkipIfMissing();
        await using var context = await AdminContextAsync(1280);
        var page = await PageAsync(context);

        await page.GotoAsync("/newsroom/import");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Importer depuis WordPress", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Fichier d’export WordPress (.xml)").SetInputFilesAsync(Fixture);
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => Regex.IsMatch(new Uri(url).AbsolutePath, "^/newsroom/import/[0-9]+$"));
        var jobPath = new Uri(page.Url).AbsolutePath;
        await page.ScreenshotAsync(new() { Path = Shot("interop-import-progress.png"), FullPage = true });

        // import.js polls the job and reloads the page when it has ended.
        await Assertions.Expect(page.Locator("[data-import-state]")).ToHaveTextAsync("Terminé", new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("progress")).ToHaveCountAsync(0);
        var report = page.Locator(".nr-import-report");
        await Assertions.Expect(report.Locator("p").First).ToContainTextAsync("Créés : 58 articles, 21 pages, 69 rubriques");
        await Assertions.Expect(report.Locator("li", new() { HasText = "ligne 10037 : « Template: Password Protected" })).ToContainTextAsync("importé comme brouillon");
        await page.ScreenshotAsync(new() { Path = Shot("interop-import-done.png"), FullPage = true });
        var violations = new List<string>(await Axe.SeriousViolationsAsync(page, "import job"));

        // The history lists it, done.
        await page.GotoAsync("/newsroom/import");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "themeunittestdata.wordpress.xml" }).First).ToContainTextAsync("Terminé");

        // An imported post on the reader's site, its classic body in paragraphs and a list without stray line breaks.
        await page.GotoAsync("/classic/template-comments");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Template: Comments", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("article li", new() { HasText = "Threaded comments up to 10 levels deep" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("article ul > br, article li + br").CountAsync());
        // Its comments, threaded.
        await Assertions.Expect(page.GetByText("Comment Depth 01", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Comment Depth 02", new() { Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("interop-imported-post.png") });

        // Its old permalink answers 301 to it, with and without the trailing slash, and the browser lands there.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        foreach (var old in new[] { "/2012/01/03/template-comments/", "/2012/01/03/template-comments" })
        {
            using var moved = await http.GetAsync(old, Ct);
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal("/classic/template-comments", moved.Headers.Location!.OriginalString);
        }
        await page.GotoAsync("/2012/01/07/template-sticky/");
        Assert.Equal("/classic/template-sticky", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Template: Sticky", Level = 1 })).ToBeVisibleAsync();

        // On a phone: no page wider than the screen.
        await using var phone = await AdminContextAsync(390);
        var small = await PageAsync(phone);
        foreach (var path in new[] { "/newsroom/import", jobPath })
        {
            await small.GotoAsync(path);
            await AssertFitsAsync(small, path);
            violations.AddRange(await Axe.SeriousViolationsAsync(small, path + " at 390 px"));
        }
        await small.ScreenshotAsync(new() { Path = Shot("interop-import-done-390.png"), FullPage = true });
        Assert.True(violations.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", violations));
        Assert.True(consoleErrors.Count == 0, "Console errors:\n" + string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task A_hostile_export_is_refused_with_its_line_and_imports_nothing()
    {
        Browser.SkipIfMissing();
        await using var context = await AdminContextAsync(1280);
        var page = await PageAsync(context);
        var before = await CountsAsync();

        var hostile = new (string Name, string Xml)[]
        {
            ("entites-externes.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE rss [
                  <!ENTITY xxe SYSTEM "file:///etc/passwd">
                ]>
                <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&xxe;</title><wp:wxr_version>1.2</wp:wxr_version></channel></rss>
                """),
            ("bombe.xml", """
                <?xml version="1.0"?>

                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
                """),
        };
        var lines = new[] { 2, 3 };
        for (var i = 0; i < hostile.Length; i++)
        {
            await page.GotoAsync("/newsroom/import");
            await page.GetByLabel("Fichier d’export WordPress (.xml)").SetInputFilesAsync(new FilePayload
            {
                Name = hostile[i].Name, MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(hostile[i].Xml),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-import-state]")).ToHaveTextAsync("Échoué", new() { Timeout = 60_000 });
            var failure = page.Locator(".nr-import-failed[role=alert]");
            await Assertions.Expect(failure).ToContainTextAsync("Rien n’a été importé.");
            await Assertions.Expect(failure).ToContainTextAsync($"Ligne {lines[i]} : le fichier déclare une DTD (<!DOCTYPE …>), ce qui est refusé");
            await page.ScreenshotAsync(new() { Path = Shot($"interop-import-refused-{i + 1}.png"), FullPage = true });
        }

        // A file that is no XML at all is refused on the form itself.
        await page.GotoAsync("/newsroom/import");
        await page.GetByLabel("Fichier d’export WordPress (.xml)").SetInputFilesAsync(new FilePayload
        {
            Name = "photo.xml", MimeType = "application/xml", Buffer = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46],
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importer", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#file-error")).ToContainTextAsync("n’est pas un export WordPress");

        Assert.Equal(before, await CountsAsync());
        Assert.True(consoleErrors.Count == 0, "Console errors:\n" + string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task A_webhook_registered_in_the_newsroom_receives_a_signed_delivery_when_a_wire_draft_is_published()
    {
        Browser.SkipIfMissing();
        using var receiver = new HookReceiver();
        var down = DeadUrl();
        await using var context = await AdminContextAsync(1280);
        var page = await PageAsync(context);

        // A mistake first: no event chosen. The page says so in French and keeps what was typed.
        await page.GotoAsync("/newsroom/reglages/webhooks");
        await page.GetByLabel("Adresse (URL)").FillAsync(receiver.Url);
        await page.GetByLabel("Description").FillAsync("Récepteur de la rédaction web");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le webhook" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-valmsg-for='Input.Events']")).ToHaveTextAsync("Cochez au moins un événement.");
        await Assertions.Expect(page.GetByLabel("Adresse (URL)")).ToHaveValueAsync(receiver.Url);
        await Assertions.Expect(page.GetByLabel("Description")).ToHaveValueAsync("Récepteur de la rédaction web");

        await page.GetByLabel("Article publié").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le webhook" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nr-notice")).ToContainTextAsync("Webhook ajouté");
        var secret = (await page.Locator("tr", new() { HasText = receiver.Url }).Locator("code").InnerTextAsync()).Trim();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        // And one whose receiver is down.
        await page.GetByLabel("Adresse (URL)").FillAsync(down);
        await page.GetByLabel("Article publié").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter le webhook" }).ClickAsync();
        await Assertions.Expect(page.Locator("tr", new() { HasText = down })).ToHaveCountAsync(1);

        // An agency item through the ingest API becomes a draft with the agency's credit and rights.
        var id = await IngestAsync("""
            {
              "uri": "urn:newsml:afp.com:20261125:greve-orly",
              "type": "text", "version": "1", "versionCreated": "2026-11-25T06:30:00Z", "pubStatus": "usable", "language": "fr",
              "copyrightHolder": "AFP", "copyrightNotice": "© AFP 2026", "usageTerms": "Réservé aux abonnés du service texte.",
              "headlines": [{ "role": "main", "value": "Grève des contrôleurs aériens : des centaines de vols annulés à Orly" }],
              "descriptions": [{ "role": "summary", "contentType": "text/plain", "value": "La DGAC a demandé aux compagnies de réduire leurs programmes de 30 %." }],
              "bodies": [{ "role": "main", "contentType": "text/html", "value": "<p>Des centaines de vols ont été annulés jeudi à Orly.</p>" }],
              "by": "Claire Dupont et Marc Lefèvre"
            }
            """);
        await page.GotoAsync($"/newsroom/articles/{id}");
        await Assertions.Expect(page.Locator(".ar-status .ar-badge")).ToHaveTextAsync("Brouillon");
        await Assertions.Expect(page.Locator(".ar-wire")).ToHaveTextAsync("Dépêche AFP");
        await Assertions.Expect(page.Locator(".ar-wire-rights")).ToContainTextAsync("Réservé aux abonnés du service texte.");
        await page.ScreenshotAsync(new() { Path = Shot("interop-wire-draft.png") });

        // Published in the editor: the receiver gets it, signed with the secret the page showed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publier", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".ar-status .ar-badge")).ToHaveTextAsync("Publié");
        var hook = await receiver.WaitForAsync(h => h.Event == "article.published" && JsonDocument.Parse(h.Body).RootElement
            .GetProperty("data").GetProperty("article").GetProperty("id").GetInt32() == id);
        var signature = hook.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var t = long.Parse(signature["t"], CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t, -5, 300);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{hook.Body}"))), signature["v1"]);
        Assert.Equal("Grève des contrôleurs aériens : des centaines de vols annulés à Orly",
            JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").GetProperty("article").GetProperty("headline").GetString());

        // The readers' page credits the agency.
        var path = JsonDocument.Parse(hook.Body).RootElement.GetProperty("data").GetProperty("article").GetProperty("path").GetString()!;
        var reader = await context.NewPageAsync();
        await reader.GotoAsync(path);
        await Assertions.Expect(reader.Locator(".byline .authors")).ToContainTextAsync("Claire Dupont et Marc Lefèvre (AFP)");
        await reader.CloseAsync();

        // The delivery log: delivered to the receiver; the one that is down has a retry scheduled.
        var delivered = page.Locator("#deliveries tr[data-status='Delivered']", new() { HasText = receiver.Url });
        var pending = page.Locator("#deliveries tr[data-status='Pending']", new() { HasText = down });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await page.GotoAsync("/newsroom/reglages/webhooks");
            if (await delivered.CountAsync() > 0 && await pending.CountAsync() > 0) break;
            Assert.True(DateTime.UtcNow < deadline, "The delivery log never showed both deliveries:\n" + await page.Locator("main").InnerTextAsync());
            await Task.Delay(1000, Ct);
        } while (true);
        await Assertions.Expect(delivered.First).ToContainTextAsync("article.published");
        await Assertions.Expect(delivered.First).ToContainTextAsync("HTTP 200");
        await Assertions.Expect(pending.First).ToContainTextAsync("en attente");
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", (await pending.First.Locator("td").Last.InnerTextAsync()).Trim());
        await page.ScreenshotAsync(new() { Path = Shot("interop-webhooks.png"), FullPage = true });
        var violations = new List<string>(await Axe.SeriousViolationsAsync(page, "webhooks"));

        await using var phone = await AdminContextAsync(390);
        var small = await PageAsync(phone);
        await small.GotoAsync("/newsroom/reglages/webhooks");
        await AssertFitsAsync(small, "/newsroom/reglages/webhooks");
        violations.AddRange(await Axe.SeriousViolationsAsync(small, "webhooks at 390 px"));
        await small.ScreenshotAsync(new() { Path = Shot("interop-webhooks-390.png"), FullPage = true });
        Assert.True(violations.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", violations));
        Assert.True(consoleErrors.Count == 0, "Console errors:\n" + string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task A_canceled_item_dropped_in_the_watched_folder_shows_as_a_flagged_draft()
    {
        Browser.SkipIfMissing();
        const string headline = "Séisme de magnitude 5,1 ressenti dans les Pyrénées";
        var item = $$"""
            {
              "uri": "urn:newsml:afp.com:20261125:seisme-pyrenees", "type": "text", "version": "3",
              "versionCreated": "2026-11-25T07:10:00Z", "pubStatus": "canceled", "copyrightHolder": "AFP",
              "headlines": [{ "role": "main", "value": "{{headline}}" }],
              "bodies": [{ "role": "main", "contentType": "text/html", "value": "<p>Un séisme a été ressenti mercredi soir, sans faire de victime.</p>" }]
            }
            """;
        // Written under another name, then renamed: the watcher only takes whole .json files.
        var temporary = Path.Combine(server.WireFolder, "seisme.json.part");
        await File.WriteAllTextAsync(temporary, item, Ct);
        File.Move(temporary, Path.Combine(server.WireFolder, "seisme.json"));

        await using var context = await AdminContextAsync(1280);
        var page = await PageAsync(context);
        var row = page.Locator("tbody tr", new() { HasText = headline });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await page.GotoAsync("/newsroom/articles?statut=brouillon");
            if (await row.CountAsync() > 0) break;
            Assert.True(DateTime.UtcNow < deadline, "The wire item never showed in the article list.");
            await Task.Delay(1000, Ct);
        } while (true);
        await Assertions.Expect(row.Locator(".ar-wire")).ToHaveTextAsync("Dépêche AFP");
        await Assertions.Expect(row.Locator("[data-wire-flag='Canceled']")).ToHaveTextAsync("Annulée par l’agence");
        Assert.Single(Directory.GetFiles(Path.Combine(server.WireFolder, "processed"), "*seisme.json"));
        await page.ScreenshotAsync(new() { Path = Shot("interop-wire-list.png") });

        await row.GetByRole(AriaRole.Link, new() { Name = headline }).ClickAsync();
        await Assertions.Expect(page.Locator(".ar-wire-note[role=alert]")).ToHaveTextAsync("L’agence a annulé cette dépêche : ne pas la publier.");
        await page.ScreenshotAsync(new() { Path = Shot("interop-wire-canceled.png") });
        Assert.True(consoleErrors.Count == 0, "Console errors:\n" + string.Join("\n", consoleErrors));
    }

    /// <summary>A context signed in as the admin: the set-up link the first time, the saved cookies after.</summary>
    async Task<IBrowserContext> AdminContextAsync(int width)
    {
        await SignIn.WaitAsync(Ct);
        try
        {
            if (adminState is null)
            {
                await using var first = await NewContextAsync(width, null);
                var page = await first.NewPageAsync();
                await NewsroomAccount.ChoosePasswordAsync(page, server.AdminLink, "Alex Administration", InteropServer.Password);
                adminState = await first.StorageStateAsync();
            }
        }
        finally
        {
            SignIn.Release();
        }
        return await NewContextAsync(width, adminState);
    }

    async Task<IBrowserContext> NewContextAsync(int width, string? state) => await browser.Instance.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = width, Height = 900 },
        Locale = "fr-FR",
        BaseURL = server.BaseAddress.ToString(),
        StorageState = state,
    });

    /// <summary>A page whose console errors (CSP violations among them) and uncaught exceptions fail the test.</summary>
    async Task<IPage> PageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (consoleErrors) consoleErrors.Add($"{page.Url}: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (consoleErrors) consoleErrors.Add($"{page.Url}: uncaught {error}");
        };
        return page;
    }

    static async Task AssertFitsAsync(IPage page, string path)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide on a {widths[1]} px screen.");
    }

    /// <summary>Articles and sections as the API counts them (an editor's token sees every status).</summary>
    async Task<(int Articles, int Sections)> CountsAsync()
    {
        using var http = Api();
        var articles = JsonDocument.Parse(await http.GetStringAsync("/api/v1/articles?pageSize=1", Ct)).RootElement.GetProperty("total").GetInt32();
        var sections = JsonDocument.Parse(await http.GetStringAsync("/api/v1/sections", Ct)).RootElement.GetProperty("items").GetArrayLength();
        return (articles, sections);
    }

    async Task<int> IngestAsync(string ninjs)
    {
        using var http = Api();
        using var response = await http.PostAsync("/api/v1/ingest/ninjs", new StringContent(ninjs, Encoding.UTF8, "application/json"), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("articleId").GetInt32();
    }

    HttpClient Api()
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        return http;
    }

    static string Shot(string name)
    {
        Directory.CreateDirectory(Browser.ScreenshotFolder);
        return Path.Combine(Browser.ScreenshotFolder, name);
    }

    /// <summary>A loopback port nothing listens on: a receiver that is down.</summary>
    static string DeadUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/recepteur";
    }

    public sealed record Received(string Event, string Signature, string Body);

    /// <summary>A webhook receiver on a free loopback port: records every request and answers 200.</summary>
    sealed class HookReceiver : IDisposable
    {
        readonly HttpListener listener = new();
        readonly ConcurrentQueue<Received> received = new();
        readonly SemaphoreSlim arrived = new(0);

        public string Url { get; }

        public HookReceiver()
        {
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/recepteur/";
            }
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = ListenAsync();
        }

        async Task ListenAsync()
        {
            while (true)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
                    received.Enqueue(new Received(context.Request.Headers["Kiosque-Event"] ?? "", context.Request.Headers["Kiosque-Signature"] ?? "",
                        await reader.ReadToEndAsync()));
                context.Response.StatusCode = 200;
                context.Response.Close();
                arrived.Release();
            }
        }

        public async Task<Received> WaitForAsync(Func<Received, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                if (received.FirstOrDefault(match) is { } hit) return hit;
                var left = deadline - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero, "No matching delivery arrived; received: " + string.Join(", ", received.Select(r => r.Event)));
                await arrived.WaitAsync(left, Ct);
            }
        }

        public void Dispose()
        {
            listener.Close();
            arrived.Dispose();
        }
    }
}
