using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Kiosque.Infrastructure;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Api;
using Kiosque.Tests.Infrastructure;
using Kiosque.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kiosque.Tests.Webhooks;

public sealed class WebhookTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Dictionary<string, string?> Settings(bool enabled = true, bool allowPrivate = true) => new()
    {
        ["Kiosque:Webhooks:Enabled"] = enabled ? "true" : "false",
        ["Kiosque:Webhooks:AllowPrivateNetworks"] = allowPrivate ? "true" : "false",
        ["Kiosque:Webhooks:PollSeconds"] = "1",
        ["Kiosque:Webhooks:RetryBaseSeconds"] = "1",
        ["Kiosque:Webhooks:TimeoutSeconds"] = "2",
        ["Kiosque:Webhooks:LeaseSeconds"] = "30",
    };

    static async Task<string> RegisterAsync(HttpClient admin, string url, params string[] events)
    {
        var created = await (await admin.PostJsonAsync("/api/v1/webhooks", new { url, events, description = "test" })).AssertStatusAsync(HttpStatusCode.Created);
        return created.GetProperty("secret").GetString()!;
    }

    static async Task<int> PublishedArticleAsync(HttpClient editor, string headline)
    {
        if ((await editor.GetPathAsync("/api/v1/sections/monde")).StatusCode == HttpStatusCode.NotFound) await editor.CreateSectionAsync("Monde", "monde");
        return await editor.CreateArticleAsync(new { section = "monde", headline, bodyHtml = "<p>Texte.</p>", status = "published" });
    }

    /// <summary>The receiver's check, written from the documentation rather than with Kiosque's own helper.</summary>
    static void AssertSigned(string secret, ReceivedHook hook)
    {
        var parts = hook.Signature.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var t = long.Parse(parts["t"], CultureInfo.InvariantCulture);
        Assert.InRange(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - t, -5, 300);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{hook.Body}")));
        Assert.Equal(expected, parts["v1"]);
        Assert.True(WebhookSigning.Verify(secret, hook.Signature, hook.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSigning.Verify(secret, hook.Signature, hook.Body + " ", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSigning.Verify(secret, hook.Signature, hook.Body, DateTimeOffset.UtcNow.AddHours(1), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Publishing_updating_and_unpublishing_are_delivered_signed_and_logged()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await KiosqueApp.CreateAsync(extra: Settings());
        using var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        var secret = await RegisterAsync(admin, receiver.Url, WebhookEvents.ArticlePublished, WebhookEvents.ArticleUpdated, WebhookEvents.ArticleUnpublished);

        var id = await PublishedArticleAsync(admin, "Un sommet historique");
        var published = await receiver.WaitForAsync(h => h.Event == WebhookEvents.ArticlePublished);
        AssertSigned(secret, published);
        var payload = JsonDocument.Parse(published.Body).RootElement;
        Assert.Equal(WebhookEvents.ArticlePublished, payload.GetProperty("type").GetString());
        Assert.Equal(published.EventId, payload.GetProperty("id").GetString());
        Assert.Equal(id, payload.GetProperty("data").GetProperty("article").GetProperty("id").GetInt32());
        Assert.Equal("Un sommet historique", payload.GetProperty("data").GetProperty("article").GetProperty("headline").GetString());

        await (await admin.PutJsonAsync($"/api/v1/articles/{id}", new { section = "monde", headline = "Un sommet historique", bodyHtml = "<p>Texte revu.</p>" }))
            .AssertStatusAsync(HttpStatusCode.OK);
        AssertSigned(secret, await receiver.WaitForAsync(h => h.Event == WebhookEvents.ArticleUpdated));
        await (await admin.PostJsonAsync($"/api/v1/articles/{id}/unpublish", new { })).AssertStatusAsync(HttpStatusCode.OK);
        AssertSigned(secret, await receiver.WaitForAsync(h => h.Event == WebhookEvents.ArticleUnpublished));
        // Creating and publishing in one save is one article.published, not an article.updated as well.
        Assert.Single(receiver.Received, h => h.Event == WebhookEvents.ArticleUpdated);

        var hookId = (await (await admin.GetPathAsync("/api/v1/webhooks")).AssertStatusAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetInt32();
        await WaitUntilAsync(app, db => db.WebhookDeliveries.CountAsync(d => d.Status == DeliveryStatus.Delivered, Ct), n => n == 3);
        var log = await (await admin.GetPathAsync($"/api/v1/webhooks/{hookId}/deliveries")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.All(log.GetProperty("items").EnumerateArray(), d =>
        {
            Assert.Equal("delivered", d.GetProperty("status").GetString());
            Assert.Equal(200, d.GetProperty("lastStatusCode").GetInt32());
        });

        // The newsroom's delivery log shows the same, to admins.
        var session = await NewsroomSession.SignedInAsync(app, "webhooks-admin@example.org", Kiosque.Api.Roles.Admin);
        var (status, page) = await session.GetAsync("/newsroom/reglages/webhooks");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, page.QuerySelectorAll("#deliveries tr[data-status='Delivered']").Length);
        Assert.Contains(receiver.Url, page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_comment_is_delivered_as_comment_created_without_the_commenters_address()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var config = Kiosque.Tests.Comments.CommentsTestSupport.Relaxed(Settings());
        var (app, articleId) = await Kiosque.Tests.Comments.CommentsTestSupport.CreateAsync(config: config);
        await using var _ = app;
        using var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        var secret = await RegisterAsync(admin, receiver.Url, WebhookEvents.CommentCreated);

        using var posted = await Kiosque.Tests.Comments.CommentsTestSupport.PostCommentAsync(NewsroomSession.Open(app), "Lucie", "lucie@example.fr", "Un avis réfléchi.");
        var hook = await receiver.WaitForAsync(h => h.Event == WebhookEvents.CommentCreated);
        AssertSigned(secret, hook);
        var data = JsonDocument.Parse(hook.Body).RootElement.GetProperty("data");
        Assert.Equal("Un avis réfléchi.", data.GetProperty("comment").GetProperty("body").GetString());
        Assert.Equal(articleId, data.GetProperty("article").GetProperty("id").GetInt32());
        Assert.DoesNotContain("lucie@example.fr", hook.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_receiver_answering_500_is_retried_with_the_same_signed_body_until_it_answers_200()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = n => n == 1 ? 500 : 200;
        await using var app = await KiosqueApp.CreateAsync(extra: Settings());
        using var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        var secret = await RegisterAsync(admin, receiver.Url, WebhookEvents.ArticlePublished);
        await PublishedArticleAsync(admin, "Retenté");

        await receiver.WaitForAsync(h => receiver.Received.Count >= 2);
        var (first, second) = (receiver.Received[0], receiver.Received[1]);
        Assert.Equal(first.EventId, second.EventId);
        Assert.Equal(first.Body, second.Body);
        AssertSigned(secret, second);
        var delivery = await WaitUntilAsync(app, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(Ct), d => d.Status == DeliveryStatus.Delivered);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal(200, delivery.LastStatusCode);
        Assert.NotNull(delivery.DeliveredAt);
        Assert.Null(delivery.ClaimedBy);
    }

    [Fact]
    public async Task Publishing_succeeds_while_the_receiver_is_down_and_the_failure_is_logged_for_a_retry()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: Settings());
        using var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        await RegisterAsync(admin, WebhookReceiver.DeadUrl(), WebhookEvents.ArticlePublished);
        var id = await PublishedArticleAsync(admin, "Publié malgré tout");
        Assert.Equal("published", (await (await admin.GetPathAsync($"/api/v1/articles/{id}")).AssertStatusAsync(HttpStatusCode.OK)).GetProperty("status").GetString());

        var delivery = await WaitUntilAsync(app, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(Ct), d => d.Attempts >= 1);
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Null(delivery.LastStatusCode);
        Assert.False(string.IsNullOrEmpty(delivery.LastError));
        Assert.True(delivery.NextAttemptAt > delivery.LastAttemptAt);
    }

    [Fact]
    public async Task A_delivery_given_up_after_the_retry_window_stays_in_the_log()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?>(Settings()) { ["Kiosque:Webhooks:GiveUpHours"] = "0" });
        using var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        await RegisterAsync(admin, WebhookReceiver.DeadUrl(), WebhookEvents.ArticlePublished);
        await PublishedArticleAsync(admin, "Abandonné");
        var delivery = await WaitUntilAsync(app, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(Ct), d => d.Status != DeliveryStatus.Pending);
        Assert.Equal(DeliveryStatus.GivenUp, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public async Task Deliveries_survive_a_restart_and_are_sent_by_the_next_instance()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kiosque-test-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            await using (var first = await KiosqueApp.CreateAsync(extra: Settings(enabled: false), dataPath: dataPath))
            {
                using var admin = await first.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
                await RegisterAsync(admin, receiver.Url, WebhookEvents.ArticlePublished);
                await PublishedArticleAsync(admin, "Avant le redémarrage");
                Assert.Equal(1, await first.WithDbAsync(db => db.WebhookDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending, Ct)));
            }
            Assert.Empty(receiver.Received);

            await using var second = await KiosqueApp.CreateAsync(extra: Settings(), dataPath: dataPath);
            var hook = await receiver.WaitForAsync(h => h.Event == WebhookEvents.ArticlePublished);
            Assert.Contains("Avant le redémarrage", hook.Body, StringComparison.Ordinal);
            await WaitUntilAsync(second, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(Ct), d => d.Status == DeliveryStatus.Delivered);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Internal_addresses_are_refused_unless_allowed_at_registration_and_at_delivery()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(allowPrivate: false));
        using var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        foreach (var url in new[] { receiver.Url, "http://localhost/hook", "http://10.1.2.3/hook", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                     "http://[::1]/hook", "http://[fd00::1]/", "ftp://example.org/hook", "http://user:pass@example.org/hook" })
        {
            var problem = await (await admin.PostJsonAsync("/api/v1/webhooks", new { url, events = new[] { WebhookEvents.ArticlePublished } }))
                .AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _), url);
        }
        await (await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/kiosque", events = new[] { "article.deleted" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await admin.PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/kiosque", events = new[] { WebhookEvents.CommentCreated } }))
            .AssertStatusAsync(HttpStatusCode.Created);

        // A hook that got in while allowed (or by hand) is still refused when the setting is off.
        await app.WithDbAsync(async db =>
        {
            db.Webhooks.Add(new Webhook { Url = receiver.Url, Secret = "s", Events = WebhookEvents.ArticlePublished, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync(Ct);
        });
        await PublishedArticleAsync(admin, "Interne");
        var delivery = await WaitUntilAsync(app, db => db.WebhookDeliveries.AsNoTracking().SingleAsync(Ct), d => d.Attempts >= 1);
        Assert.Contains("refused", delivery.LastError, StringComparison.Ordinal);
        Assert.Empty(receiver.Received);

        // Non-admins cannot register hooks.
        using var editor = await app.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        await (await editor.PostJsonAsync("/api/v1/webhooks", new { url = "https://hooks.example.org/x", events = new[] { WebhookEvents.CommentCreated } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_newsroom_form_refuses_an_internal_address_in_french_keeps_what_was_typed_and_registers_nothing()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(allowPrivate: false));
        var session = await NewsroomSession.SignedInAsync(app, "webhooks-form@example.org", Kiosque.Api.Roles.Admin);

        using var refused = await session.SubmitAsync("/newsroom/reglages/webhooks",
            new Dictionary<string, string> { ["Input.Url"] = "http://127.0.0.1:9/recepteur", ["Input.Description"] = "Récepteur d’essai" }, "Add");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await NewsroomSession.ParseAsync(refused);
        var urlError = page.QuerySelector("[data-valmsg-for='Input.Url']")!.TextContent;
        Assert.StartsWith("Les adresses de la machine elle-même (localhost, 127.0.0.1…) sont refusées", urlError, StringComparison.Ordinal);
        Assert.Contains("Kiosque:Webhooks:AllowPrivateNetworks", urlError, StringComparison.Ordinal);
        Assert.Equal("Cochez au moins un événement.", page.QuerySelector("[data-valmsg-for='Input.Events']")!.TextContent);
        Assert.Equal("http://127.0.0.1:9/recepteur", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Url")!.Value);
        Assert.Equal("Récepteur d’essai", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Description")!.Value);
        // Each event is named in words beside its code.
        var published = page.QuerySelectorAll("fieldset label").Single(l => l.QuerySelector("input")!.GetAttribute("value") == WebhookEvents.ArticlePublished);
        Assert.Contains("Article publié", published.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Webhooks.CountAsync(Ct)));

        // The API says the same in English, for programs.
        using var admin = await app.CreateApiClientAsync(Kiosque.Api.Roles.Admin);
        var problem = await (await admin.PostJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/recepteur", events = new[] { WebhookEvents.ArticlePublished } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Loopback addresses are refused.", problem.GetProperty("errors").GetProperty("url")[0].GetString());
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Two_instances_never_claim_the_same_delivery_and_an_expired_lease_is_taken_over(DatabaseKind database)
    {
        await using var a = await KiosqueApp.CreateAsync(database, extra: Settings(enabled: false));
        var shared = new Dictionary<string, string?>(Settings(enabled: false));
        if (database == DatabaseKind.Postgres)
        {
            shared["Kiosque:Database:Provider"] = "postgres";
            shared["ConnectionStrings:Kiosque"] = a.ConnectionString;
        }
        await using var b = await KiosqueApp.CreateAsync(DatabaseKind.Sqlite, extra: shared, dataPath: a.DataPath);

        var ids = await a.WithDbAsync(async db =>
        {
            var hook = new Webhook { Url = "https://hooks.example.org/", Secret = "s", Events = WebhookEvents.ArticlePublished, CreatedAt = DateTime.UtcNow };
            db.Webhooks.Add(hook);
            var rows = Enumerable.Range(0, 20).Select(i => new WebhookDelivery
            {
                Webhook = hook, EventId = "e" + i, EventType = WebhookEvents.ArticlePublished, Payload = "{}", CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow.AddSeconds(-1),
            }).ToList();
            db.WebhookDeliveries.AddRange(rows);
            await db.SaveChangesAsync(Ct);
            return rows.Select(r => r.Id).ToList();
        });

        async Task<List<long>> ClaimAllAsync(KiosqueApp app, DateTime now)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
            var dispatcher = app.Services.GetRequiredService<WebhookDispatcher>();
            var won = new List<long>();
            foreach (var id in ids)
                if (await dispatcher.ClaimAsync(db, id, now, Ct)) won.Add(id);
            return won;
        }

        var now = DateTime.UtcNow;
        var results = await Task.WhenAll(ClaimAllAsync(a, now), ClaimAllAsync(b, now));
        Assert.Empty(results[0].Intersect(results[1]));
        Assert.Equal(ids.Order(), results[0].Concat(results[1]).Order());

        // Nobody gets a claimed row while its lease runs; once it has expired (a crashed sender), the other instance may.
        Assert.Empty(await ClaimAllAsync(b, now.AddSeconds(10)));
        var takenOver = await ClaimAllAsync(b, now.AddSeconds(31));
        Assert.Equal(ids.Order(), takenOver.Order());
    }

    static async Task<T> WaitUntilAsync<T>(KiosqueApp app, Func<KiosqueDb, Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = await app.WithDbAsync(read);
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still not there after 30 s: {JsonSerializer.Serialize(value)}");
            await Task.Delay(100, Ct);
        }
    }
}
