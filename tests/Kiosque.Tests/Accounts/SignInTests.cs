using System.Net;
using Kiosque.Api;
using Kiosque.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Kiosque.Tests.Accounts;

public sealed class SignInTests
{
    static Dictionary<string, string> Fields(params (string, string)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public async Task Anonymous_newsroom_visit_is_sent_to_sign_in_once_an_admin_exists()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await NewsroomSession.CreateUserAsync(app.Services, "chef@example.fr", Roles.Admin);

        using var response = await NewsroomSession.Open(app).Client.GetAsync("/newsroom", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/newsroom/connexion?ReturnUrl=%2Fnewsroom", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_needs_the_forms_anti_forgery_token()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await NewsroomSession.CreateUserAsync(app.Services, "chef@example.fr", Roles.Admin);
        var session = NewsroomSession.Open(app);

        using var forged = await session.PostAsync("/newsroom/connexion",
            Fields(("Input.Email", "chef@example.fr"), ("Input.Password", NewsroomSession.Password)));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        using var genuine = await session.SignInAsync("chef@example.fr");
        Assert.Equal(HttpStatusCode.Redirect, genuine.StatusCode);
        Assert.Equal("/newsroom", genuine.Headers.Location?.OriginalString);
        var cookie = genuine.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kiosque.newsroom=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_password_keeps_the_typed_address_and_says_so()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await NewsroomSession.CreateUserAsync(app.Services, "chef@example.fr", Roles.Admin);

        using var response = await NewsroomSession.Open(app).SignInAsync("chef@example.fr", "pas le bon mot de passe");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await NewsroomSession.ParseAsync(response);
        Assert.Equal("chef@example.fr", page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Contains("incorrect", page.QuerySelector(".nr-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await NewsroomSession.CreateUserAsync(app.Services, "chef@example.fr", Roles.Admin);
        var session = NewsroomSession.Open(app);

        for (var i = 0; i < 4; i++)
        {
            using var wrong = await session.SignInAsync("chef@example.fr", "mauvais mot de passe " + i);
            Assert.DoesNotContain("bloqué", (await NewsroomSession.ParseAsync(wrong)).Body!.TextContent, StringComparison.Ordinal);
        }
        using var fifth = await session.SignInAsync("chef@example.fr", "mauvais mot de passe 5");
        Assert.Contains("bloqué pendant 15 minutes", (await NewsroomSession.ParseAsync(fifth)).Body!.TextContent, StringComparison.Ordinal);

        using var right = await session.SignInAsync("chef@example.fr");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("bloqué", (await NewsroomSession.ParseAsync(right)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticator_set_up_then_sign_in_asks_for_a_code()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var session = await NewsroomSession.SignedInAsync(app, "plume@example.fr", Roles.Contributor);
        var key = await EnableTwoFactorAsync(session);

        var next = NewsroomSession.Open(app);
        using var password = await next.SignInAsync("plume@example.fr");
        Assert.StartsWith("/newsroom/connexion/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var codePage = password.Headers.Location!.OriginalString;

        using var wrong = await next.SubmitAsync(codePage, Fields(("Input.Code", "000000")));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        using var right = await next.SubmitAsync(codePage, Fields(("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/newsroom", right.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync("/newsroom")).Status);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var session = await NewsroomSession.SignedInAsync(app, "plume@example.fr", Roles.Contributor);
        var (_, codes) = await EnableTwoFactorWithCodesAsync(session);

        var next = NewsroomSession.Open(app);
        (await next.SignInAsync("plume@example.fr")).Dispose();
        using var recovered = await next.SubmitAsync("/newsroom/connexion/code-de-secours", Fields(("Input.Code", codes[0])));
        Assert.Equal("/newsroom", recovered.Headers.Location?.OriginalString);

        var again = NewsroomSession.Open(app);
        (await again.SignInAsync("plume@example.fr")).Dispose();
        using var reused = await again.SubmitAsync("/newsroom/connexion/code-de-secours", Fields(("Input.Code", codes[0])));
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
    }

    [Fact]
    public async Task An_admin_without_two_factor_can_only_set_it_up_when_the_site_requires_it()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await app.WithDbAsync(async db =>
        {
            await db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.RequireTwoFactorForAdmins, true), TestContext.Current.CancellationToken);
            return 0;
        });
        var admin = await NewsroomSession.SignedInAsync(app, "chef@example.fr", Roles.Admin);

        foreach (var path in new[] { "/newsroom", "/newsroom/utilisateurs", "/newsroom/compte" })
        {
            using var blocked = await admin.Client.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, blocked.StatusCode);
            Assert.Equal("/newsroom/compte/double-authentification", blocked.Headers.Location?.OriginalString);
        }
        var (status, setUp) = await admin.GetAsync("/newsroom/compte/double-authentification");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(setUp.QuerySelector("[data-testid=otpauth-uri]"));

        await EnableTwoFactorAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/newsroom/utilisateurs")).Status);

        // Editors are not concerned by the admins' rule.
        var editor = await NewsroomSession.SignedInAsync(app, "edition@example.fr", Roles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/newsroom")).Status);
    }

    [Fact]
    public async Task Password_reset_mail_is_written_as_eml_and_its_link_sets_a_new_password()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await NewsroomSession.CreateUserAsync(app.Services, "plume@example.fr", Roles.Contributor);
        var session = NewsroomSession.Open(app);

        using var asked = await session.SubmitAsync("/newsroom/mot-de-passe-oublie", Fields(("Input.Email", "plume@example.fr")));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        using var unknown = await session.SubmitAsync("/newsroom/mot-de-passe-oublie", Fields(("Input.Email", "personne@example.fr")));
        Assert.Equal((await NewsroomSession.ParseAsync(asked)).QuerySelector("main")!.TextContent,
            (await NewsroomSession.ParseAsync(unknown)).QuerySelector("main")!.TextContent);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "mail"), "*.eml"));
        using var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("plume@example.fr", message.To.Mailboxes.Single().Address);
        Assert.Contains("mot de passe", message.Subject, StringComparison.Ordinal);
        Assert.NotNull(message.HtmlBody);
        var link = (message.TextBody ?? "").Split('\n').Select(l => l.Trim()).Single(l => l.Contains("/newsroom/nouveau-mot-de-passe?jeton=", StringComparison.Ordinal));
        Assert.Contains(link, message.HtmlBody, StringComparison.Ordinal);

        using var reset = await session.SubmitAsync(NewsroomSession.PathOf(link),
            Fields(("Input.Password", "un tout nouveau mot de passe"), ("Input.Confirmation", "un tout nouveau mot de passe")));
        Assert.Equal("/newsroom/connexion", reset.Headers.Location?.OriginalString);

        using var oldOne = await NewsroomSession.Open(app).SignInAsync("plume@example.fr");
        Assert.Equal(HttpStatusCode.OK, oldOne.StatusCode);
        using var newOne = await NewsroomSession.Open(app).SignInAsync("plume@example.fr", "un tout nouveau mot de passe");
        Assert.Equal("/newsroom", newOne.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Gone, (await NewsroomSession.Open(app).GetAsync(NewsroomSession.PathOf(link))).Status);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_another_session_within_the_validation_interval()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var timed = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await NewsroomSession.CreateUserAsync(timed.Services, "chef@example.fr", Roles.Admin);
        var laptop = await NewsroomSession.SignedInAsync(timed, "plume@example.fr", Roles.Contributor);
        var phone = NewsroomSession.Open(timed);
        (await phone.SignInAsync("plume@example.fr")).Dispose();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/newsroom")).Status);

        using var everywhere = await laptop.SubmitAsync("/newsroom/compte", new Dictionary<string, string>(), handler: "SignOutEverywhere");
        Assert.Equal("/newsroom/connexion", everywhere.Headers.Location?.OriginalString);

        clock.Advance(TimeSpan.FromMinutes(2));
        using var after = await phone.Client.GetAsync("/newsroom", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/newsroom/connexion", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var laptopAfter = await laptop.Client.GetAsync("/newsroom", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, laptopAfter.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var session = await NewsroomSession.SignedInAsync(app, "plume@example.fr", Roles.Contributor);
        var (_, page) = await session.GetAsync("/newsroom");
        var signOutForm = page.QuerySelector("form[action='/newsroom/deconnexion']")!;
        var token = signOutForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var signedOut = await session.PostAsync("/newsroom/deconnexion", Fields(("__RequestVerificationToken", token)));
        Assert.Equal("/newsroom/connexion", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/newsroom")).Status);
    }

    static async Task<string> EnableTwoFactorAsync(NewsroomSession session) => (await EnableTwoFactorWithCodesAsync(session)).Key;

    static async Task<(string Key, string[] Codes)> EnableTwoFactorWithCodesAsync(NewsroomSession session)
    {
        var (_, setUp) = await session.GetAsync("/newsroom/compte/double-authentification");
        var uri = new Uri(setUp.QuerySelector("[data-testid=otpauth-uri]")!.TextContent);
        var key = uri.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("secret=", StringComparison.Ordinal))["secret=".Length..];
        Assert.Equal(key.ToLowerInvariant(), setUp.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal));

        using var enabled = await session.SubmitAsync("/newsroom/compte/double-authentification",
            Fields(("Input.Code", Totp.Code(key, DateTimeOffset.UtcNow))), handler: "Enable");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = (await NewsroomSession.ParseAsync(enabled)).QuerySelectorAll(".nr-codes code").Select(c => c.TextContent).ToArray();
        Assert.Equal(10, codes.Length);
        return (key, codes);
    }
}
