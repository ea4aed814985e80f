using System.Net;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kiosque.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosque.Tests.Accounts;

/// <summary>A browser-like client for the newsroom: keeps cookies, reads forms and posts them with their anti-forgery token.</summary>
public sealed class NewsroomSession(HttpClient client)
{
    public const string Password = "une phrase assez longue";
    public HttpClient Client { get; } = client;

    public static NewsroomSession Open(WebApplicationFactory<Program> app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<(HttpStatusCode Status, IHtmlDocument Html)> GetAsync(string url)
    {
        using var response = await Client.GetAsync(url, TestContext.Current.CancellationToken);
        return (response.StatusCode, await ParseAsync(response));
    }

    /// <summary>Posts the page's form (the first, or the one whose action contains <paramref name="handler"/>) with the given fields.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string url, IDictionary<string, string> fields, string? handler = null)
    {
        var (_, page) = await GetAsync(url);
        var form = page.Forms.FirstOrDefault(f => handler is null
                       ? !(f.Action ?? "").Contains("deconnexion", StringComparison.Ordinal)
                       : (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal))
                   ?? throw new InvalidOperationException($"No form on {url}: {page.Body?.TextContent}");
        var values = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name))
            .ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (k, v) in fields) values[k] = v;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await PostAsync(action, values);
    }

    public Task<HttpResponseMessage> PostAsync(string url, IDictionary<string, string> fields) =>
        Client.PostAsync(url, new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);

    public async Task<HttpResponseMessage> SignInAsync(string email, string password = Password) =>
        await SubmitAsync("/newsroom/connexion", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>Runs `Kiosque users …` in process against the app's services; returns the exit code and output.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunCliAsync(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Kiosque.Cli.Cli.RunAsync(services, args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task<string> CreateAdminLinkAsync(IServiceProvider services, string email)
    {
        var (exit, output, error) = await RunCliAsync(services, "users", "create-admin", "--email", email);
        Assert.True(exit == 0, error);
        return output.TrimEnd().Split('\n')[^1].Trim();
    }

    public static string PathOf(string absoluteLink) => new Uri(absoluteLink).PathAndQuery;

    /// <summary>Opens a set-up link and chooses the password; the session is then signed in.</summary>
    public async Task<HttpResponseMessage> CompleteSetUpAsync(string link, string name = "Camille Admin", string password = Password) =>
        await SubmitAsync(PathOf(link), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Password.Password"] = password,
            ["Input.Password.Confirmation"] = password,
        });

    /// <summary>A ready account with a password and a role, made directly through Identity.</summary>
    public static async Task<NewsroomUser> CreateUserAsync(IServiceProvider services, string email, string role, string password = Password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsroomUser>>();
        var user = new NewsroomUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0] };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    public static async Task<NewsroomSession> SignedInAsync(WebApplicationFactory<Program> app, string email, string role)
    {
        await CreateUserAsync(app.Services, email, role);
        var session = Open(app);
        using var response = await session.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }
}

/// <summary>RFC 6238 (TOTP, SHA-1, 30 s, 6 digits), written out here so the test does not trust the code it checks.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key);
        var counter = at.ToUnixTimeSeconds() / 30;
        var message = BitConverter.GetBytes(counter);
        if (BitConverter.IsLittleEndian) Array.Reverse(message);
#pragma warning disable CA5350 // RFC 6238 authenticator apps use HMAC-SHA1; the test must compute the same code.
        var hash = HMACSHA1.HashData(key, message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
