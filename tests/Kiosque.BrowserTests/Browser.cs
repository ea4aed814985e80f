using Microsoft.Playwright;

namespace Kiosque.BrowserTests;

/// <summary>Debian's chromium driven by Playwright; never a browser that Playwright downloads.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    IPlaywright? playwright;
    public IBrowser Instance { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) return;
        playwright = await Playwright.CreateAsync();
        Instance = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>Skips the calling test, with the reason, where Debian's chromium is not installed.</summary>
    public static void SkipIfMissing()
    {
        if (!File.Exists(ChromiumPath)) Assert.Skip($"Browser test skipped: {ChromiumPath} is not installed (Debian package chromium).");
    }

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        playwright?.Dispose();
    }
}
