using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Playwright;

namespace Kiosque.BrowserTests.Comments;

/// <summary>The real executable with an editor invited by its own CLI, an editor's API token, and spam limits that let one test reader post a lot.</summary>
public sealed class CommentsServer : KiosqueServer
{
    public const string Password = "une phrase de passe assez longue";
    public string EditorLink { get; private set; } = "";
    public string Token { get; private set; } = "";

    protected override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Kiosque__Comments__MinSecondsToSubmit"] = "0",
        ["Kiosque__Comments__PerIpLimit"] = "10000",
        ["Kiosque__Comments__PerEmailLimit"] = "10000",
    };

    protected override async Task BeforeStartAsync()
    {
        var link = (await RunCliAsync("users", "invite", "--email", "moderation@example.fr", "--role", "editor")).TrimEnd().Split('\n')[^1].Trim();
        EditorLink = new Uri(link).PathAndQuery;
        Token = (await RunCliAsync("tokens", "create", "--name", "moderation-tests", "--role", "editor")).TrimEnd().Split('\n')[^1].Trim();
    }
}

/// <summary>
/// Issue 5 in Debian's chromium: a reader writes, previews and posts a comment; it is held (a first-time
/// commenter); an editor approves it in the queue with the keyboard shortcuts (j, a); the reader sees it. Then the XSS
/// corpus, typed into the form as name and text, previewed and posted by the browser, approved, and rendered:
/// no dialog ever opens and the comments hold nothing but text, paragraphs, line breaks and safe links.
/// </summary>
public sealed class CommentsFlowTests(Browser browser, CommentsServer server) : IClassFixture<Browser>, IClassFixture<CommentsServer>
{
    static readonly string[] XssCorpus = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "xss-corpus.txt"))
        .Where(l => l.Length > 0).ToArray();

    [Fact]
    public async Task A_reader_posts_an_editor_approves_in_the_queue_and_the_comment_appears_and_no_xss_string_ever_runs()
    {
        Browser.SkipIfMissing();
        Directory.CreateDirectory(Browser.ScreenshotFolder);
        var dialogs = new List<string>();

        await using var readerContext = await NewContextAsync();
        var reader = await readerContext.NewPageAsync();
        reader.Dialog += async (_, dialog) => { dialogs.Add($"{dialog.Type}: {dialog.Message}"); await dialog.DismissAsync(); };
        var article = await ArticleWithCommentsAsync(reader);

        await PostAsync(reader, article, "Claire Lectrice", "claire@example.fr", "Merci pour ce reportage.\n\nLa suite quand ?");
        await Assertions.Expect(reader.Locator(".comments [role=status]")).ToContainTextAsync("après relecture");
        await Assertions.Expect(reader.Locator(".comment-text", new() { HasText = "Merci pour ce reportage." })).ToHaveCountAsync(0);

        // The editor signs in from the invitation, opens the queue, and approves with the "a" shortcut.
        await using var editorContext = await NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await NewsroomAccount.ChoosePasswordAsync(editor, server.EditorLink, "Sam Modération", CommentsServer.Password);
        await editor.GotoAsync("/newsroom/commentaires");
        var item = editor.Locator(".queue-item", new() { HasText = "Merci pour ce reportage." });
        await Assertions.Expect(item).ToContainTextAsync("Claire Lectrice");
        await editor.ScreenshotAsync(new() { Path = Shot("newsroom-comments-queue.png"), FullPage = true });
        await editor.Keyboard.PressAsync("j");
        await Assertions.Expect(item).ToBeFocusedAsync();
        await editor.Keyboard.PressAsync("a");
        await Assertions.Expect(editor.Locator(".nr-notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(editor.Locator(".queue-item", new() { HasText = "Merci pour ce reportage." })).ToHaveCountAsync(0);

        await reader.GotoAsync(article);
        var shown = reader.Locator(".comment", new() { HasText = "Merci pour ce reportage." });
        await Assertions.Expect(shown.Locator(".comment-author")).ToHaveTextAsync("Claire Lectrice");
        await Assertions.Expect(shown.Locator(".comment-text p")).ToHaveCountAsync(2);
        await reader.ScreenshotAsync(new() { Path = Shot("article-comment.png"), FullPage = true });

        // The corpus, through the real form and preview; every one is held (new addresses) and approved through the API.
        Assert.True(XssCorpus.Length >= 100, $"{XssCorpus.Length} strings in the corpus");
        for (var i = 0; i < XssCorpus.Length; i++)
        {
            var name = XssCorpus[i].Length <= 100 ? XssCorpus[i] : XssCorpus[i][..100];
            await PostAsync(reader, article, name, $"lecteur{i}@example.fr", XssCorpus[i]);
            await Assertions.Expect(reader.Locator(".comments [role=status]")).ToContainTextAsync("après relecture");
        }
        Assert.Equal(XssCorpus.Length, await ApproveAllHeldAsync());

        await reader.GotoAsync(article);
        await reader.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(XssCorpus.Length + 1, await reader.Locator(".comment").CountAsync());
        // What chromium built from the page: only text, paragraphs, line breaks and http(s) links, no handler attribute.
        var foreign = await reader.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('.comment-author *, .comment-text *')]
              .filter(e => !['P', 'BR', 'A'].includes(e.tagName)
                || [...e.attributes].some(a => !['href', 'rel'].includes(a.name))
                || (e.tagName === 'A' && !/^https?:\/\//.test(e.getAttribute('href'))))
              .map(e => e.outerHTML.slice(0, 120))
            """);
        Assert.Empty(foreign);
        await reader.Mouse.MoveAsync(10, 10);
        await reader.Mouse.WheelAsync(0, 100000);
        await reader.WaitForTimeoutAsync(500);
        Assert.Empty(dialogs);
        Assert.Null(await reader.EvaluateAsync<object?>("() => window.xss ?? null"));
    }

    async Task<IBrowserContext> NewContextAsync() => await browser.Instance.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        Locale = "fr-FR",
        BaseURL = server.BaseAddress.ToString(),
    });

    /// <summary>The first story of the home page whose comments are open.</summary>
    static async Task<string> ArticleWithCommentsAsync(IPage page)
    {
        await page.GotoAsync("/");
        var links = await page.Locator("main article a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        foreach (var href in links.Distinct())
        {
            await page.GotoAsync(href);
            if (await page.Locator("form.comment-form").CountAsync() > 0) return href;
        }
        throw new InvalidOperationException("No article with open comments on the home page.");
    }

    /// <summary>What a reader does: fills the form under the article, checks the preview, publishes.</summary>
    static async Task PostAsync(IPage page, string article, string name, string email, string body)
    {
        await page.GotoAsync(article);
        var form = page.Locator("form.comment-form");
        await form.Locator("#comment-name").FillAsync(name);
        await form.Locator("#comment-email").FillAsync(email);
        await form.Locator("#comment-body").FillAsync(body);
        await form.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/commentaires/apercu");
        await Assertions.Expect(page.Locator("#comment-body")).ToHaveValueAsync(body.Replace("\r", "", StringComparison.Ordinal));
        await page.Locator("form.comment-form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == article);
    }

    async Task<int> ApproveAllHeldAsync()
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Token);
        var ct = TestContext.Current.CancellationToken;
        var approved = 0;
        while (true)
        {
            // The queue comes a page at a time; approved comments leave it.
            using var list = JsonDocument.Parse(await http.GetStringAsync("/api/v1/comments", ct));
            var ids = list.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
            if (ids.Count == 0) return approved;
            foreach (var id in ids)
                (await http.PostAsync($"/api/v1/comments/{id}/approve", null, ct)).EnsureSuccessStatusCode();
            approved += ids.Count;
        }
    }

    static string Shot(string name) => Path.Combine(Browser.ScreenshotFolder, name);
}
