using System.Net;
using Kiosque.Api;
using Kiosque.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kiosque.Tests.Accounts;

public sealed class SetUpLinkTests
{
    [Fact]
    public async Task Without_an_admin_the_newsroom_tells_the_operator_to_run_create_admin()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var session = NewsroomSession.Open(app);

        using var response = await session.Client.GetAsync("/newsroom", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/newsroom/installation", response.Headers.Location?.OriginalString);

        var (status, page) = await session.GetAsync("/newsroom/installation");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Kiosque users create-admin --email", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Create_admin_prints_a_link_that_sets_the_password_once(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        var link = await NewsroomSession.CreateAdminLinkAsync(app.Services, "chef@example.fr");
        Assert.StartsWith("http://localhost:5080/newsroom/bienvenue?jeton=", link, StringComparison.Ordinal);

        var session = NewsroomSession.Open(app);
        using (var setUp = await session.CompleteSetUpAsync(link, "Camille Chef"))
        {
            Assert.Equal(HttpStatusCode.Redirect, setUp.StatusCode);
            Assert.Equal("/newsroom", setUp.Headers.Location?.OriginalString);
        }
        var (status, dashboard) = await session.GetAsync("/newsroom");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Camille Chef", dashboard.QuerySelector("header")!.TextContent, StringComparison.Ordinal);

        var (again, page) = await NewsroomSession.Open(app).GetAsync(NewsroomSession.PathOf(link));
        Assert.Equal(HttpStatusCode.Gone, again);
        Assert.Null(page.QuerySelector("form input[type=password]"));

        // With the password chosen, the same address signs in from a new session.
        using var signIn = await NewsroomSession.Open(app).SignInAsync("chef@example.fr");
        Assert.Equal("/newsroom", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_set_up_link_posted_twice_works_only_the_first_time()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var link = await NewsroomSession.CreateAdminLinkAsync(app.Services, "chef@example.fr");
        var first = NewsroomSession.Open(app);
        var (_, form) = await first.GetAsync(NewsroomSession.PathOf(link));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Jeton"] = new Uri(link).Query.Split('=')[1],
            ["Input.DisplayName"] = "Chef",
            ["Input.Password.Password"] = NewsroomSession.Password,
            ["Input.Password.Confirmation"] = NewsroomSession.Password,
        };
        using var used = await first.PostAsync(NewsroomSession.PathOf(link), fields);
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);

        // Someone else, with a form token of their own, tries the same link.
        var second = NewsroomSession.Open(app);
        var (_, other) = await second.GetAsync("/newsroom/mot-de-passe-oublie");
        fields["__RequestVerificationToken"] = other.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["Input.Password.Password"] = fields["Input.Password.Confirmation"] = "un autre mot de passe long";
        using var reused = await second.PostAsync(NewsroomSession.PathOf(link), fields);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        using var oldPassword = await NewsroomSession.Open(app).SignInAsync("chef@example.fr");
        Assert.Equal("/newsroom", oldPassword.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_set_up_link_expires_after_24_hours()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var timed = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var link = await NewsroomSession.CreateAdminLinkAsync(timed.Services, "chef@example.fr");

        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, (await NewsroomSession.Open(timed).GetAsync(NewsroomSession.PathOf(link))).Status);

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var (status, page) = await NewsroomSession.Open(timed).GetAsync(NewsroomSession.PathOf(link));
        Assert.Equal(HttpStatusCode.Gone, status);
        Assert.Contains("expiré", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_password_shows_the_field_error_and_keeps_the_typed_name()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var link = await NewsroomSession.CreateAdminLinkAsync(app.Services, "chef@example.fr");
        var session = NewsroomSession.Open(app);

        using var response = await session.CompleteSetUpAsync(link, "Dominique Nom Tapé", "court");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await NewsroomSession.ParseAsync(response);
        Assert.Equal("Dominique Nom Tapé", page.QuerySelector("input[name='Input.DisplayName']")!.GetAttribute("value"));
        Assert.Contains("12", page.QuerySelector("[data-valmsg-for='Input.Password.Password']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_and_list_verbs_print_a_link_and_the_accounts()
    {
        await using var app = await KiosqueApp.CreateAsync();
        await NewsroomSession.CreateAdminLinkAsync(app.Services, "chef@example.fr");

        var (exit, output, _) = await NewsroomSession.RunCliAsync(app.Services, "users", "invite", "--email", "plume@example.fr", "--role", Roles.Contributor);
        Assert.Equal(0, exit);
        Assert.Contains("/newsroom/bienvenue?jeton=", output.TrimEnd().Split('\n')[^1], StringComparison.Ordinal);

        var (listExit, list, _) = await NewsroomSession.RunCliAsync(app.Services, "users", "list");
        Assert.Equal(0, listExit);
        Assert.Contains("chef@example.fr\tadmin\tpending", list, StringComparison.Ordinal);
        Assert.Contains("plume@example.fr\tcontributor\tpending", list, StringComparison.Ordinal);

        var (badRole, _, _) = await NewsroomSession.RunCliAsync(app.Services, "users", "invite", "--email", "x@example.fr", "--role", "boss");
        Assert.NotEqual(0, badRole);
    }
}
