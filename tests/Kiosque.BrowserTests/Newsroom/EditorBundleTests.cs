using System.Net;
using Microsoft.Playwright;

namespace Kiosque.BrowserTests.Newsroom;

/// <summary>
/// The committed editor bundle in a page of its own, served under a strict Content-Security-Policy (no inline
/// script or style), driven by keyboard as a journalist would.
/// </summary>
public sealed class EditorBundleTests(Browser browser) : IClassFixture<Browser>
{
    const string Origin = "http://editor.kiosque.test";
    const string Csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'";

    const string PageHtml = """
        <!doctype html>
        <html lang="fr">
        <head>
          <meta charset="utf-8">
          <title>Éditeur</title>
          <link rel="stylesheet" href="/newsroom/editor.css">
          <script src="/newsroom/editor.js" defer></script>
        </head>
        <body>
          <form method="post" action="/enregistrer">
            <label for="body">Corps de l’article</label>
            <textarea id="body" name="body" data-rich-editor></textarea>
            <button type="submit">Enregistrer</button>
          </form>
        </body>
        </html>
        """;

    static string Bundle(string name) => Path.Combine(AppContext.BaseDirectory, "newsroom", name);

    [Fact]
    public async Task Journalist_formats_by_keyboard_inserts_an_image_and_the_form_posts_the_html()
    {
        Browser.SkipIfMissing();
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1000, Height = 800 },
            JavaScriptEnabled = true,
            Locale = "fr-FR",
        });
        string? posted = null;
        await context.RouteAsync(Origin + "/**", async route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            var headers = new Dictionary<string, string> { ["Content-Security-Policy"] = Csp };
            if (path == "/editeur")
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = PageHtml, Headers = headers });
            else if (path is "/newsroom/editor.js" or "/newsroom/editor.css")
                await route.FulfillAsync(new() { Status = 200, Path = Bundle(Path.GetFileName(path)), Headers = headers,
                    ContentType = path.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css" });
            else if (path == "/enregistrer" && route.Request.Method == "POST")
            {
                posted = route.Request.PostData;
                await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = "<p>Enregistré.</p>", Headers = headers });
            }
            else
                await route.FulfillAsync(new() { Status = 404, Body = "", Headers = headers });
        });
        var page = await context.NewPageAsync();
        // Registered before any page script: every CSP violation the editor would cause is recorded.
        await page.AddInitScriptAsync("""
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(Origin + "/editeur");
        var toolbar = page.GetByRole(AriaRole.Toolbar, new() { Name = "Mise en forme" });
        await Assertions.Expect(toolbar).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("textarea[name=body]")).ToBeHiddenAsync();
        await page.EvaluateAsync("""
            window.__inputs = 0;
            document.querySelector('textarea[name=body]').addEventListener('input', () => window.__inputs++);
            """);

        // Tab reaches the toolbar (one stop), Tab again the text.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Gras (Ctrl+B)", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')"));
        await page.Keyboard.PressAsync("Tab");
        var content = page.GetByRole(AriaRole.Textbox, new() { Name = "Corps de l’article" });
        await Assertions.Expect(content).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync("Un paragraphe ");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync("important");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync(".");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Un intertitre");
        await UseToolbarButtonAsync(page, "T2 : intertitre");
        await page.Keyboard.PressAsync("End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("Premier point");
        await UseToolbarButtonAsync(page, "Liste à puces");

        Assert.Equal("<p>Un paragraphe <strong>important</strong>.</p><h2>Un intertitre</h2><ul><li><p>Premier point</p></li></ul>",
            await TextareaValueAsync(page));
        Assert.True(await page.EvaluateAsync<int>("window.__inputs") > 0, "the textarea should announce its changes");
        Assert.Equal("true", await toolbar.GetByRole(AriaRole.Button, new() { Name = "Liste à puces" }).GetAttributeAsync("aria-pressed"));

        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Enter"); // leaves the list
        Assert.True(await page.EvaluateAsync<bool>(
            "window.kiosqueEditor.insertImage({ src: '/media/2026/11/photo.jpg', alt: 'Une place au matin', caption: 'La place, lundi.', credit: '©Jeanne Martin / AFP' })"));
        Assert.False(await page.EvaluateAsync<bool>("window.kiosqueEditor.insertEmbed('https://video.example.com/v/123')"));
        Assert.False(await page.EvaluateAsync<bool>("window.kiosqueEditor.insertImage({ src: 'javascript:alert(1)', alt: 'x' })"));
        Assert.True(await page.EvaluateAsync<bool>("window.kiosqueEditor.insertEmbed('https://www.youtube.com/watch?v=dQw4w9WgXcQ')"));

        var html = await TextareaValueAsync(page);
        Assert.True(html.Contains("<figure><img src=\"/media/2026/11/photo.jpg\" alt=\"Une place au matin\"><figcaption>La place, lundi. <small>©Jeanne Martin / AFP</small></figcaption></figure>",
            StringComparison.Ordinal), html);
        Assert.True(html.Contains("<figure class=\"embed\"><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></figure>",
            StringComparison.Ordinal), html);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);

        Assert.Equal(0, await page.EvaluateAsync<int>("document.querySelectorAll('.rich-editor [style]').length"));
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__violations"));
        Assert.Empty(errors);
        Directory.CreateDirectory(Browser.ScreenshotFolder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, "newsroom-editor-bundle.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enregistré.")).ToBeVisibleAsync();
        Assert.NotNull(posted);
        var body = posted.Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == "body")[1];
        Assert.Equal(html, WebUtility.UrlDecode(body));
    }

    /// <summary>Shift+Tab back to the toolbar, arrows to the button, Enter: no mouse.</summary>
    static async Task UseToolbarButtonAsync(IPage page, string label)
    {
        await page.Keyboard.PressAsync("Shift+Tab");
        // On a loaded machine the editor may still be handling the last key: wait until focus is in the toolbar.
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('[role=toolbar]') !== null");
        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')") != label; i++)
            await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal(label, await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-label')"));
        await page.Keyboard.PressAsync("Enter");
        // The button hands focus back to the text; the next keys are meant for it, so wait until it has it.
        await page.WaitForFunctionAsync("() => document.activeElement?.isContentEditable === true");
    }

    static Task<string> TextareaValueAsync(IPage page) =>
        page.EvaluateAsync<string>("document.querySelector('textarea[name=body]').value");
}
