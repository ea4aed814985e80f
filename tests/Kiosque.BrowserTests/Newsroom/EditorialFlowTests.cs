using System.Globalization;
using Microsoft.Playwright;

namespace Kiosque.BrowserTests.Newsroom;

/// <summary>The real executable with three newsroom accounts made by its own CLI, and a scheduler that looks every second.</summary>
public sealed class EditorialServer : KiosqueServer
{
    public const string Password = "une phrase de passe assez longue";
    public string ContributorLink { get; private set; } = "";
    public string EditorLink { get; private set; } = "";

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Kiosque__Scheduling__IntervalSeconds"] = "1",
    };

    protected override async Task BeforeStartAsync()
    {
        await RunCliAsync("users", "create-admin", "--email", "admin@example.fr");
        ContributorLink = LastLine(await RunCliAsync("users", "invite", "--email", "plume@example.fr", "--role", "contributor"));
        EditorLink = LastLine(await RunCliAsync("users", "invite", "--email", "edition@example.fr", "--role", "editor"));
    }

    /// <summary>The link's path and query: the CLI does not know the port the server will listen on.</summary>
    static string LastLine(string output) => new Uri(output.TrimEnd().Split('\n')[^1].Trim()).PathAndQuery;
}

/// <summary>
/// Issue 3's flow in Debian's chromium, mostly by keyboard: a contributor writes a piece with a photo uploaded in
/// the editor and submits it; an editor reviews and schedules it; it appears on the public site when due. Axe
/// checks the dashboard, the editor, the home and an article page; screenshots land in the output's screenshots/.
/// </summary>
public sealed class EditorialFlowTests(Browser browser, EditorialServer server) : IClassFixture<Browser>, IClassFixture<EditorialServer>
{
    const string Headline = "Les bibliothèques de quartier ouvrent le dimanche";
    static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task A_contributor_submits_a_piece_with_a_photo_an_editor_schedules_it_and_it_goes_live_on_time()
    {
        Browser.SkipIfMissing();
        Directory.CreateDirectory(Browser.ScreenshotFolder);
        var violations = new List<string>();

        // The contributor chooses a password from the invitation link, and lands on the dashboard.
        await using var contributorContext = await NewContextAsync();
        var page = await contributorContext.NewPageAsync();
        await ChoosePasswordAsync(page, server.ContributorLink, "Camille Plume");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tableau de bord", Level = 1 })).ToBeVisibleAsync();

        // Keyboard: the skip link first, then the navigation to the article list.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Articles", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Nouvel article" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nouvel article" })).ToBeVisibleAsync();

        await page.GetByLabel("Titre", new() { Exact = true }).FocusAsync();
        await page.Keyboard.TypeAsync(Headline);
        await Assertions.Expect(page.Locator("#headline-count")).ToContainTextAsync($"{Headline.Length} caractères");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByLabel("Adresse (slug)")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Dans trois arrondissements, l’essai commence ce week-end avec des bénévoles.");
        var body = page.Locator(".ProseMirror");
        await body.FocusAsync();
        await page.Keyboard.TypeAsync("Les horaires élargis répondent à une demande ancienne des familles.");

        // Autosave (articles.js, under the site's CSP): the new draft exists within about ten seconds, and the
        // form now saves to it instead of creating another.
        await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("Enregistré à", new() { Timeout = 20000 });
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/newsroom/articles/nouveau");
        Assert.NotEqual("/newsroom/articles/nouveau", await page.Locator("#article-form").GetAttributeAsync("action"));

        // The photo: uploaded right in the editor, by keyboard through the disclosure.
        await page.Locator("details.ar-upload > summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("Fichier (JPEG, PNG, WebP ou GIF)").SetInputFilesAsync(new FilePayload
        {
            Name = "bibliotheque.jpg", MimeType = "image/jpeg", Buffer = Jpeg(),
        });
        await page.GetByLabel("Texte alternatif de la nouvelle image").FillAsync("Des lecteurs entre les rayonnages d’une bibliothèque");
        await page.GetByLabel("Crédit de la nouvelle image").FillAsync("©Ville / Test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Téléverser et choisir" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".nr-notice[role=status]")).ToContainTextAsync("Image ajoutée");
        await Assertions.Expect(page.GetByLabel("Texte alternatif (obligatoire avec une image)")).ToHaveValueAsync("Des lecteurs entre les rayonnages d’une bibliothèque");
        await Assertions.Expect(page.Locator(".ProseMirror")).ToContainTextAsync("horaires élargis");

        // A contributor is offered no publishing button.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publier" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Soumettre à la relecture" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".ar-status .ar-badge")).ToHaveTextAsync("À relire");
        var editorUrl = new Uri(page.Url).AbsolutePath;

        // The editor reviews it from the list, filtered on "in review".
        await using var editorContext = await NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await ChoosePasswordAsync(editor, server.EditorLink, "Dominique Édition");
        await editor.ScreenshotAsync(new() { Path = Shot("newsroom-dashboard.png"), FullPage = true });
        violations.AddRange(await Axe.SeriousViolationsAsync(editor, "dashboard"));

        await editor.GotoAsync(server.BaseAddress + "newsroom/articles?statut=a-relire");
        var row = editor.Locator("tbody tr", new() { HasText = Headline });
        await Assertions.Expect(row.Locator(".ar-badge")).ToHaveTextAsync("À relire");
        await editor.ScreenshotAsync(new() { Path = Shot("newsroom-articles.png"), FullPage = true });
        await row.GetByRole(AriaRole.Link, new() { Name = Headline }).FocusAsync();
        await editor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Name = Headline, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(editor.Locator("#media-choices input:checked + label img")).ToBeVisibleAsync();
        await editor.ScreenshotAsync(new() { Path = Shot("newsroom-editor.png"), FullPage = true });
        violations.AddRange(await Axe.SeriousViolationsAsync(editor, "editor"));

        // Scheduled a few seconds ahead, in the site's time zone; the scheduler looks every second.
        var due = DateTime.UtcNow.AddSeconds(12);
        var local = TimeZoneInfo.ConvertTimeFromUtc(due, Paris);
        await editor.GetByLabel("Date et heure de publication").FillAsync(local.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        await editor.GetByRole(AriaRole.Button, new() { Name = "Programmer" }).FocusAsync();
        await editor.Keyboard.PressAsync("Enter");
        await Assertions.Expect(editor.Locator(".ar-status .ar-badge")).ToHaveTextAsync("Programmé");

        // Not public before its time…
        var slug = await editor.GetByLabel("Adresse (slug)").InputValueAsync();
        var section = await editor.GetByLabel("Rubrique").InputValueAsync();
        var path = $"/{section}/{slug}";
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        if (DateTime.UtcNow < due.AddSeconds(-2))
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);

        // …and public when due.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await http.GetAsync(path, TestContext.Current.CancellationToken)).IsSuccessStatusCode)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{path} was not published within a minute of its time.");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
        Assert.True(DateTime.UtcNow >= due.AddSeconds(-1), "Published before its time.");

        var reader = await editorContext.NewPageAsync();
        await reader.GotoAsync(server.BaseAddress + path.TrimStart('/'));
        await Assertions.Expect(reader.GetByRole(AriaRole.Heading, new() { Name = Headline, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator(".lead-figure .credit")).ToHaveTextAsync("©Ville / Test");
        violations.AddRange(await Axe.SeriousViolationsAsync(reader, "article"));
        await reader.GotoAsync(server.BaseAddress.ToString());
        await Assertions.Expect(reader.GetByText(Headline).First).ToBeVisibleAsync();
        violations.AddRange(await Axe.SeriousViolationsAsync(reader, "home"));

        Assert.True(editorUrl.StartsWith("/newsroom/articles/", StringComparison.Ordinal), editorUrl);
        Assert.True(violations.Count == 0, "Serious or critical accessibility violations:\n" + string.Join("\n", violations));
    }

    async Task<IBrowserContext> NewContextAsync() => await browser.Instance.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "fr-FR",
        BaseURL = server.BaseAddress.ToString(),
    });

    Task ChoosePasswordAsync(IPage page, string link, string name) =>
        NewsroomAccount.ChoosePasswordAsync(page, server.BaseAddress + link.TrimStart('/'), name, EditorialServer.Password);

    static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);

    /// <summary>A real JPEG photo stand-in, drawn for the test.</summary>
    static byte[] Jpeg()
    {
        using var bitmap = new SkiaSharp.SKBitmap(1200, 675);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(0x2a, 0x4d, 0x69));
            using var paint = new SkiaSharp.SKPaint { Color = SkiaSharp.SKColors.Goldenrod, IsAntialias = true };
            canvas.DrawRect(200, 150, 800, 375, paint);
        }
        using var image = SkiaSharp.SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 80);
        return data.ToArray();
    }
}
