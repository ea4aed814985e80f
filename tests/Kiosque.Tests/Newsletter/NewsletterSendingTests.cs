using Kiosque.Newsletter;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Newsletter.NewsletterTestSupport;

namespace Kiosque.Tests.Newsletter;

/// <summary>The outbox against a real SMTP server: refusals, an unreachable server, and concurrent claims on both databases.</summary>
public sealed class NewsletterSendingTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_permanent_refusal_bounces_the_address_a_temporary_one_is_retried_then_counted_failed()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(sink, new() { ["Kiosque:Newsletter:MaxAttempts"] = "2" }));
        var (_, first, _) = await ArticlesAsync(app);
        var listId = await app.DefaultListAsync();
        await app.SubscribersAsync(listId, 3);
        sink.Refuse["lecteur2@exemple.fr"] = 550;
        sink.Refuse["lecteur3@exemple.fr"] = 451;

        var editionId = await app.SendEditionAsync(listId, "Une édition mouvementée", first);
        await app.WaitForEditionAsync(editionId, EditionStatus.Sent);
        var rows = await app.DeliveriesAsync(editionId);
        Assert.Equal([DeliveryStatus.Sent, DeliveryStatus.Bounced, DeliveryStatus.Failed], rows.Select(r => r.Status));
        Assert.StartsWith("550", rows[1].LastError, StringComparison.Ordinal);
        Assert.StartsWith("451", rows[2].LastError, StringComparison.Ordinal);
        Assert.Equal(2, rows[2].Attempts); // tried again after a pause, then given up
        Assert.Single(sink.Messages);

        var bounced = await app.WithDbAsync(db => db.NewsletterSubscribers.AsNoTracking().SingleAsync(s => s.Email == "lecteur2@exemple.fr", Ct));
        Assert.NotNull(bounced.BouncedAt);
        Assert.Contains("550", bounced.BounceReason, StringComparison.Ordinal);
        var figures = await app.WithDbAsync(db => new NewsletterOutbox(db, TimeProvider.System).FiguresAsync(editionId, Ct));
        Assert.Equal(new EditionFigures(3, 0, 1, 1, 1, 0, 0), figures);

        // The next edition is not even attempted for the bounced address.
        var next = await app.SendEditionAsync(listId, "La suivante", first);
        await app.WaitForEditionAsync(next, EditionStatus.Sent);
        Assert.DoesNotContain(await app.DeliveriesAsync(next), d => d.Email == "lecteur2@exemple.fr");
    }

    [Fact]
    public async Task An_editions_images_are_the_960_pixel_jpeg_copy_once_the_store_has_made_copies_and_the_original_before()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(null, new() { ["Kiosque:Newsletter:SendInBackground"] = "false" }));
        var (_, first, _) = await ArticlesAsync(app); // its lead image: /media/2026/11/port.jpg, 1200 pixels wide
        var listId = await app.DefaultListAsync();
        var editionId = await app.WithDbAsync(async db =>
        {
            var e = new Edition { ListId = listId, Subject = "Images", Status = EditionStatus.Draft, CreatedAt = DateTime.UtcNow, Items = [new EditionItem { ArticleId = first }] };
            db.NewsletterEditions.Add(e);
            await db.SaveChangesAsync(Ct);
            return e.Id;
        });

        async Task<string?> ImageAsync()
        {
            using var scope = app.Services.CreateScope();
            var edition = await scope.ServiceProvider.GetRequiredService<EditionRenderer>().RenderAsync(editionId, "https://echo.example", Ct);
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(edition!.For("https://echo.example/u", "https://echo.example/p").Html);
            return Assert.Single(html.QuerySelectorAll("img")).GetAttribute("src");
        }

        // No copies on disk (a file stored by hand): the original, never a missing file.
        Assert.Equal("https://echo.example/media/2026/11/port.jpg", await ImageAsync());
        var folder = Path.Combine(app.DataPath, "media", "2026", "11");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "port-480.jpg"), [0xFF, 0xD8], Ct);
        await File.WriteAllBytesAsync(Path.Combine(folder, "port-960.jpg"), [0xFF, 0xD8], Ct);
        Assert.Equal("https://echo.example/media/2026/11/port-960.jpg", await ImageAsync());
    }

    [Fact]
    public async Task A_refused_connection_loses_nothing_the_edition_shows_the_error_and_sending_resumes_when_the_server_is_back()
    {
        var port = SmtpSink.FreePort();
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(null, new()
        {
            ["Kiosque:Smtp:Host"] = "127.0.0.1", ["Kiosque:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kiosque:Smtp:Security"] = "none", ["Kiosque:Smtp:From"] = "lettre@echo.example",
        }));
        var (_, first, _) = await ArticlesAsync(app);
        var listId = await app.DefaultListAsync();
        var addresses = await app.SubscribersAsync(listId, 4);
        var editionId = await app.SendEditionAsync(listId, "Serveur en panne", first);

        string? error = null;
        for (var i = 0; i < 100 && error is null; i++)
        {
            await Task.Delay(100, Ct);
            error = await app.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.LastError).FirstAsync(Ct));
        }
        Assert.NotNull(error);
        Assert.Contains("Serveur SMTP injoignable", error, StringComparison.Ordinal);
        var waiting = await app.DeliveriesAsync(editionId);
        Assert.Equal(4, waiting.Count);
        Assert.All(waiting, d => Assert.Equal(DeliveryStatus.Pending, d.Status));
        Assert.All(waiting, d => Assert.Equal(0, d.Attempts));

        await using var sink = await SmtpSink.StartAsync(port);
        await app.WaitForEditionAsync(editionId, EditionStatus.Sent);
        Assert.Equal(addresses.Order(), sink.Messages.Select(m => m.To.Single()).Order());
        Assert.Null(await app.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.LastError).FirstAsync(Ct)));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Two_senders_claiming_at_once_never_take_the_same_row_and_every_recipient_gets_exactly_one_message(DatabaseKind database)
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await KiosqueApp.CreateAsync(database, extra: Settings(sink, new()
        {
            ["Kiosque:Newsletter:SendInBackground"] = "false", ["Kiosque:Newsletter:BatchSize"] = "7",
        }));
        var (_, first, _) = await ArticlesAsync(app);
        var listId = await app.DefaultListAsync();
        var addresses = await app.SubscribersAsync(listId, 60);
        // Unsubscribed and pending addresses are not recipients.
        await app.WithDbAsync(db => db.NewsletterSubscriptions.Where(s => s.SubscriberId <= 2)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, x => x.SubscriberId == 1 ? SubscriptionStatus.Unsubscribed : SubscriptionStatus.Pending), Ct));
        var editionId = await app.SendEditionAsync(listId, "Deux expéditeurs", first);

        // Started once, even when asked twice at the same moment.
        var starts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NewsletterOutbox>().StartAsync(editionId, Ct);
        }));
        Assert.Equal(1, starts.Count(s => s));
        Assert.Equal(58, (await app.DeliveriesAsync(editionId)).Count);

        // Claims racing from two "instances" (separate scopes and connections) come out disjoint.
        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<NewsletterOutbox>().ClaimAsync($"instance-{i}", 7, TimeSpan.FromSeconds(1), Ct);
        }));
        var claimed = claims.SelectMany(c => c).Select(d => d.Id).ToList();
        Assert.Equal(claimed.Count, claimed.Distinct().Count());
        // SQLite serialises the claims (all 42 rows taken); on PostgreSQL a claim that loses a row to another skips it.
        Assert.InRange(claimed.Count, 7, 42);

        // Their leases run out (as after a crash); two sender instances then share the rest, one turn at a time.
        await Task.Delay(1100, Ct);
        var senders = new[] { app.Services.GetRequiredService<NewsletterSender>(), ActivatorUtilities.CreateInstance<NewsletterSender>(app.Services) };
        await Task.WhenAll(senders.Select(async sender =>
        {
            for (var i = 0; i < 40; i++)
                if (!await sender.RoundAsync(Ct)) await Task.Delay(50, Ct);
        }));
        await app.WaitForEditionAsync(editionId, EditionStatus.Sent, seconds: 5);
        var received = sink.Messages.Select(m => m.To.Single()).ToList();
        Assert.Equal(addresses.Skip(2).Order(), received.Order());
        Assert.Equal(received.Count, sink.Messages.Select(m => m.Message.MessageId).Distinct().Count());
    }
}
