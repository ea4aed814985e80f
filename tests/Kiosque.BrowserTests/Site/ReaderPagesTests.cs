using Microsoft.Playwright;

namespace Kiosque.BrowserTests.Site;

public sealed class ReaderPagesTests(KiosqueServer server, Browser browser) : IClassFixture<KiosqueServer>, IClassFixture<Browser>
{
    public static TheoryData<string, int, int> Widths => new()
    {
        { "phone", 390, 844 },
        { "desktop", 1366, 900 },
    };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task Home_and_an_article_render_readably_at_phone_and_desktop_widths(string device, int width, int height)
    {
        Browser.SkipIfMissing();
        await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = false,
            Locale = "fr-FR",
        });
        var page = await context.NewPageAsync();
        Directory.CreateDirectory(Browser.ScreenshotFolder);

        var home = await page.GotoAsync(server.BaseAddress.ToString());
        Assert.Equal(200, home!.Status);
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("main")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"home-{device}.png"), FullPage = true });

        // The lead story is the first article link inside main.
        var lead = page.Locator("main article a[href]").First;
        var href = await lead.GetAttributeAsync("href");
        Assert.NotNull(href);
        await lead.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.EndsWith(href, page.Url, StringComparison.Ordinal);

        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main figure img").First).ToBeVisibleAsync();
        var imageLoaded = await page.EvalOnSelectorAsync<bool>("main figure img", "img => img.complete && img.naturalWidth > 0");
        Assert.True(imageLoaded, "the lead image should load");
        // Nothing is wider than the viewport: no sideways scrolling on a phone.
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"page is {scrollWidth}px wide in a {width}px viewport");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Browser.ScreenshotFolder, $"article-{device}.png"), FullPage = true });
    }
}
