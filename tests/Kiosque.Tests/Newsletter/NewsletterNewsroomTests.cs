using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kiosque.Newsletter;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Newsletter.NewsletterTestSupport;

namespace Kiosque.Tests.Newsletter;

/// <summary>The newsroom side: composing, previewing, testing and sending an edition; exporting and erasing a subscriber.</summary>
public sealed class NewsletterNewsroomTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_composes_from_sections_reorders_previews_tests_then_sends_and_reads_the_figures()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(sink));
        var (sectionId, first, second) = await ArticlesAsync(app);
        var listId = await app.DefaultListAsync();
        await app.SubscribersAsync(listId, 2);
        var editor = await NewsroomSession.SignedInAsync(app, "redaction@exemple.fr", Kiosque.Api.Roles.Editor);

        using var created = await editor.SubmitMainFormAsync("/newsroom/newsletter",
            new() { ["listId"] = listId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["subject"] = "Le point du soir" },
            "form[action*='handler=Create']");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editionUrl = created.Headers.Location!.OriginalString;
        var editionId = int.Parse(editionUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        async Task<List<int>> OrderAsync() => await app.WithDbAsync(db => db.NewsletterEditionItems.Where(i => i.EditionId == editionId)
            .OrderBy(i => i.Position).Select(i => i.ArticleId).ToListAsync(Ct));

        (await editor.PressAsync(editionUrl, "button[formaction*='handler=Fill']",
            new() { ["sections"] = sectionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["perSection"] = "5" })).Dispose();
        Assert.Equal([second, first], await OrderAsync()); // newest first

        // Every button saves what was typed first: moving an article keeps the intro written just before.
        (await editor.PressAsync(editionUrl, $"li[data-article='{second}'] button[formaction*='direction=1']",
            new() { ["intro"] = "Bonsoir à toutes et à tous." })).Dispose();
        Assert.Equal([first, second], await OrderAsync());
        Assert.Equal("Bonsoir à toutes et à tous.", await app.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.Intro).FirstAsync(Ct)));

        // A missing subject: the field error, the typed intro kept, nothing saved, and the button's action not done.
        using (var invalid = await editor.PressAsync(editionUrl, $"li[data-article='{second}'] button[formaction*='direction=-1']",
                   new() { ["subject"] = " ", ["intro"] = "Bonsoir, chères lectrices et chers lecteurs." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
            var page = await NewsroomSession.ParseAsync(invalid);
            Assert.Equal("Bonsoir, chères lectrices et chers lecteurs.", page.QuerySelector("#intro")!.TextContent);
            Assert.Equal(NewsletterNewsroomText.SubjectRequired, page.QuerySelector("#subject-error")!.TextContent);
            Assert.Equal("true", page.QuerySelector("#subject")!.GetAttribute("aria-invalid"));
        }
        Assert.Equal([first, second], await OrderAsync());
        Assert.Equal("Le point du soir", await app.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.Subject).FirstAsync(Ct)));

        // A wrong test address: the error by the field, the typed address kept, nothing sent.
        using (var badTest = await editor.PressAsync(editionUrl, "button[formaction*='handler=Test']", new() { ["to"] = "redaction@" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, badTest.StatusCode);
            var page = await NewsroomSession.ParseAsync(badTest);
            Assert.Equal("redaction@", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#test-to")!.Value);
            Assert.Equal(NewsletterNewsroomText.TestAddressInvalid, page.QuerySelector("#test-to-error")!.TextContent);
        }

        // The preview is the e-mail's HTML, under a policy that allows its inline styles and nothing active.
        using (var preview = await editor.Client.GetAsync(editionUrl + "/apercu", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var csp = preview.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("style-src 'unsafe-inline'", csp, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
            Assert.Contains("sandbox", csp, StringComparison.Ordinal);
            var html = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Bonsoir à toutes et à tous.", html.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(["La rentrée scolaire", "Le marché du port"], html.QuerySelectorAll("h2 a").Select(a => a.TextContent));
        }

        (await editor.PressAsync(editionUrl, "button[formaction*='handler=Test']", new() { ["to"] = "redaction@exemple.fr" })).Dispose();
        await sink.WaitAsync(m => m.Any(r => r.Message.Subject == "[TEST] Le point du soir"));
        Assert.Equal("redaction@exemple.fr", sink.Messages.Single().To.Single());
        Assert.Equal(EditionStatus.Draft, await app.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.Status).FirstAsync(Ct)));

        // Scheduled in the site's time zone (Europe/Paris, summer time: UTC+2), shown again as typed, then called off.
        (await editor.PressAsync(editionUrl, "button[formaction*='handler=Schedule']", new() { ["at"] = "2030-07-01T09:30" })).Dispose();
        var scheduled = await app.WithDbAsync(db => db.NewsletterEditions.AsNoTracking().FirstAsync(e => e.Id == editionId, Ct));
        Assert.Equal((EditionStatus.Scheduled, new DateTime(2030, 7, 1, 7, 30, 0)), (scheduled.Status, scheduled.ScheduledAt!.Value));
        var (_, scheduledPage) = await editor.GetAsync(editionUrl);
        Assert.Equal("2030-07-01T09:30", scheduledPage.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#schedule-at")!.Value);
        using (var past = await editor.PressAsync(editionUrl, "button[formaction*='handler=Schedule']", new() { ["at"] = "2020-01-01T08:00" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
            Assert.Equal("2020-01-01T08:00", (await NewsroomSession.ParseAsync(past)).QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#schedule-at")!.Value);
        }
        (await editor.PressAsync(editionUrl, "button[formaction*='handler=Unschedule']")).Dispose();
        Assert.Equal(EditionStatus.Draft, await app.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.Status).FirstAsync(Ct)));

        (await editor.PressAsync(editionUrl, "button[formaction*='handler=SendNow']")).Dispose();
        await app.WaitForEditionAsync(editionId, EditionStatus.Sent);
        Assert.Equal(3, sink.Messages.Count);
        var (_, after) = await editor.GetAsync(editionUrl);
        Assert.Equal("2", after.QuerySelector("dd[data-figure=sent]")!.TextContent);
        Assert.Equal("0", after.QuerySelector("dd[data-figure=bounced]")!.TextContent);
        Assert.Null(after.QuerySelector("#edition-form")); // a sent edition stays as it went out
    }

    [Fact]
    public async Task An_admin_exports_a_subscriber_as_json_and_csv_and_erases_them_everywhere()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(null, new() { ["Kiosque:Newsletter:SendInBackground"] = "false" }));
        var listId = await app.DefaultListAsync();
        await app.SubscribersAsync(listId, 2);
        var (_, first, _) = await ArticlesAsync(app);
        var (subscriberId, editionId) = await app.WithDbAsync(async db =>
        {
            var s = await db.NewsletterSubscribers.FirstAsync(x => x.Email == "lecteur1@exemple.fr", Ct);
            await db.NewsletterSubscriptions.Where(x => x.SubscriberId == s.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Source, "=HYPERLINK(\"x\")"), Ct);
            var e = new Edition { ListId = listId, Subject = "Ancienne", Status = EditionStatus.Sent, CreatedAt = SiteData.Published, SentAt = SiteData.Published,
                Items = [new EditionItem { ArticleId = first }] };
            db.NewsletterEditions.Add(e);
            await db.SaveChangesAsync(Ct);
            db.NewsletterDeliveries.Add(new Delivery { EditionId = e.Id, SubscriberId = s.Id, Email = s.Email, Status = DeliveryStatus.Sent, NextAttemptAt = SiteData.Published });
            await db.SaveChangesAsync(Ct);
            return (s.Id, e.Id);
        });
        var admin = await NewsroomSession.SignedInAsync(app, "admin@exemple.fr", Kiosque.Api.Roles.Admin);

        // A new newsletter without a name: the error in its form, what was typed kept there, nothing created.
        using (var unnamed = await admin.PressAsync("/newsroom/newsletter/listes", "main section:last-of-type button[type=submit]",
                   new() { ["name"] = " ", ["description"] = "Le meilleur de la semaine." }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unnamed.StatusCode);
            var page = await NewsroomSession.ParseAsync(unnamed);
            Assert.Equal("Le meilleur de la semaine.", page.QuerySelector("#description-0")!.TextContent);
            Assert.Equal("true", page.QuerySelector("#name-0")!.GetAttribute("aria-invalid"));
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.NewsletterLists.CountAsync(Ct)));

        var (status, found) = await admin.GetAsync("/newsroom/newsletter/abonnes?q=lecteur1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("lecteur1@exemple.fr", found.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        var json = JsonDocument.Parse(await admin.Client.GetStringAsync($"/newsroom/newsletter/abonnes?handler=Export&id={subscriberId}&format=json", Ct)).RootElement;
        Assert.Equal("lecteur1@exemple.fr", json.GetProperty("email").GetString());
        var subscription = json.GetProperty("subscriptions").EnumerateArray().Single();
        Assert.Equal("La quotidienne", subscription.GetProperty("list").GetString());
        Assert.Equal("active", subscription.GetProperty("status").GetString());
        Assert.Equal(1, json.GetProperty("messagesSent").GetInt32());

        var csv = await admin.Client.GetStringAsync($"/newsroom/newsletter/abonnes?handler=Export&id={subscriberId}&format=csv", Ct);
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("id,email,", lines[0], StringComparison.Ordinal);
        Assert.Contains("lecteur1@exemple.fr", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", lines[1], StringComparison.Ordinal); // never a live formula in a spreadsheet
        var all = (await admin.Client.GetStringAsync("/newsroom/newsletter/abonnes?handler=Export&format=csv", Ct)).TrimEnd('\n').Split('\n');
        Assert.Equal(3, all.Length);

        // Erasure cannot be undone: without the row's confirmation box ticked, nothing goes.
        (await admin.PressAsync("/newsroom/newsletter/abonnes?q=lecteur1", "form[action*='handler=Erase'] button")).Dispose();
        Assert.True(await app.WithDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == "lecteur1@exemple.fr", Ct)));
        using (var erased = await admin.PressAsync("/newsroom/newsletter/abonnes?q=lecteur1", "form[action*='handler=Erase'] button", new() { ["confirm"] = "true" }))
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == "lecteur1@exemple.fr", Ct)));
        Assert.False(await app.WithDbAsync(db => db.NewsletterSubscriptions.AnyAsync(s => s.SubscriberId == subscriberId, Ct)));
        var delivery = Assert.Single(await app.DeliveriesAsync(editionId));
        Assert.Equal("", delivery.Email);
        Assert.Null(delivery.SubscriberId);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "erase" && a.EntityType == "subscriber", Ct)));
        Assert.True(await app.WithDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == "lecteur2@exemple.fr", Ct)));
        using var gone = await admin.Client.GetAsync($"/newsroom/newsletter/abonnes?handler=Export&id={subscriberId}&format=json", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
