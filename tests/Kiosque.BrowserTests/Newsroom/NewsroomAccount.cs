using Microsoft.Playwright;

namespace Kiosque.BrowserTests;

/// <summary>A newsroom account set up from its one-time link (an invitation, `users create-admin`), as a new user does.</summary>
public static class NewsroomAccount
{
    /// <summary>Opens the link, gives a display name and a password, and waits for the newsroom's dashboard.</summary>
    public static async Task ChoosePasswordAsync(IPage page, string link, string name, string password)
    {
        await page.GotoAsync(link);
        await page.GetByLabel("Nom affiché", new() { Exact = false }).First.FillAsync(name);
        await page.Locator("input[type=password]").Nth(0).FillAsync(password);
        await page.Locator("input[type=password]").Nth(1).FillAsync(password);
        await page.Locator("main form button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/newsroom");
    }
}
