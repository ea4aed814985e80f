using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Kiosque.Newsletter;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Api;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Newsletter.NewsletterTestSupport;

namespace Kiosque.Tests.Newsletter;

/// <summary>A reader's whole path, against a real SMTP server: sign up from an article, confirm, receive an edition, unsubscribe in one click.</summary>
public sealed class NewsletterFlowTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string Reader = "camille.lectrice@exemple.fr";

    static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email, string source = "/societe/la-rentree-scolaire", string website = "") =>
        client.PostAsync("/newsletter", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["source"] = source, ["website"] = website,
        }), Ct);

    [Fact]
    public async Task Sign_up_from_an_article_is_confirmed_by_e_mail_then_an_edition_arrives_with_both_parts_and_working_signed_links()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(sink));
        var (_, first, second) = await ArticlesAsync(app);
        var reader = NewsroomSession.Open(app);

        // The article page's form: no per-reader token (the page stays cacheable), a honeypot, the source page.
        var (_, article) = await reader.GetAsync("/societe/la-rentree-scolaire");
        var form = article.QuerySelector<IHtmlFormElement>("form.newsletter-form")!;
        Assert.Equal("/newsletter", form.GetAttribute("action"));
        Assert.Null(form.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.NotNull(form.QuerySelector("input[name='website']"));
        Assert.Equal("/societe/la-rentree-scolaire", form.QuerySelector<IHtmlInputElement>("input[name='source']")!.Value);

        using (var response = await SignUpAsync(reader.Client, "  Camille.Lectrice@Exemple.fr "))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/newsletter?merci=true", response.Headers.Location!.OriginalString);
        }
        var (_, thanks) = await reader.GetAsync("/newsletter?merci=true");
        Assert.Contains("Vérifiez votre boîte mail", thanks.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Double opt-in: nothing is active before the link is used.
        await sink.WaitAsync(m => m.Count == 1);
        var confirmation = Assert.Single(sink.To(Reader)).Message;
        var site = await app.SiteNameAsync();
        Assert.Equal(NewsletterText.ConfirmSubject(site), confirmation.Subject);
        Assert.Contains($"« La quotidienne » sur {site}", confirmation.TextBody, StringComparison.Ordinal); // the reader knows who writes
        var subscription = await app.WithDbAsync(db => db.NewsletterSubscriptions.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(SubscriptionStatus.Pending, subscription.Status);
        Assert.Equal("/societe/la-rentree-scolaire", subscription.Source);

        var confirmLink = Link(confirmation, NewsletterLinks.ConfirmPath);
        var (_, confirmPage) = await reader.GetAsync(confirmLink);
        Assert.Equal(SubscriptionStatus.Pending, (await app.WithDbAsync(db => db.NewsletterSubscriptions.AsNoTracking().SingleAsync(Ct))).Status);
        Assert.NotNull(confirmPage.QuerySelector("main form button"));
        using (var confirmed = await reader.SubmitMainFormAsync(confirmLink))
        {
            var done = await NewsroomSession.ParseAsync(confirmed);
            Assert.Contains("C’est confirmé", done.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
        subscription = await app.WithDbAsync(db => db.NewsletterSubscriptions.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(SubscriptionStatus.Active, subscription.Status);
        Assert.NotNull(subscription.ConfirmedAt);
        Assert.True(subscription.RequestedAt <= subscription.ConfirmedAt);

        // A forged or altered token confirms nothing.
        var (_, forged) = await reader.GetAsync(NewsletterLinks.ConfirmPath + "?jeton=" + Uri.EscapeDataString(confirmLink[^20..]));
        Assert.Contains(NewsletterText.InvalidLink, forged.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // An edition through the API; the in-process server receives it.
        var listId = await app.DefaultListAsync();
        var editionId = await app.SendEditionAsync(listId, "L’essentiel du lundi", second, first);
        await app.WaitForEditionAsync(editionId, EditionStatus.Sent);
        var edition = Assert.Single(sink.To(Reader), m => m.Message.Subject == "L’essentiel du lundi").Message;
        var delivery = Assert.Single(await app.DeliveriesAsync(editionId));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);

        Assert.Equal($"<newsletter.{editionId}.{delivery.Id}@echo.example>", "<" + edition.MessageId + ">");
        Assert.Equal("lettre@echo.example", edition.From.Mailboxes.Single().Address);
        Assert.Equal("List-Unsubscribe=One-Click", edition.Headers["List-Unsubscribe-Post"]);
        var unsubscribeHeader = edition.Headers["List-Unsubscribe"]!;
        Assert.Matches(@"^<http://localhost/newsletter/desabonnement\?jeton=[^>\s]+>$", unsubscribeHeader);
        Assert.Contains("la-quotidienne.echo.example", edition.Headers["List-Id"], StringComparison.Ordinal);

        // Both parts: the text part, and the HTML part built of tables with absolute links and images with alt text.
        Assert.NotNull(edition.TextBody);
        Assert.NotNull(edition.HtmlBody);
        Assert.Contains("Le marché du port", edition.TextBody!, StringComparison.Ordinal);
        Assert.Contains("http://localhost/societe/la-rentree-scolaire", edition.TextBody, StringComparison.Ordinal);
        Assert.True(edition.TextBody.IndexOf("Le marché du port", StringComparison.Ordinal) < edition.TextBody.IndexOf("La rentrée scolaire", StringComparison.Ordinal),
            "The articles keep the edition's order.");
        var html = new HtmlParser().ParseDocument(edition.HtmlBody);
        Assert.NotEmpty(html.QuerySelectorAll("table[role=presentation]"));
        Assert.All(html.QuerySelectorAll("a[href]"), a => Assert.StartsWith("http://localhost/", a.GetAttribute("href"), StringComparison.Ordinal));
        var image = Assert.Single(html.QuerySelectorAll("img"));
        Assert.Equal("http://localhost/media/2026/11/port.jpg", image.GetAttribute("src"));
        Assert.Equal("Le port au petit matin", image.GetAttribute("alt"));
        Assert.Empty(html.QuerySelectorAll("script"));
        Assert.Contains("Voici l’essentiel du jour.", html.Body!.TextContent, StringComparison.Ordinal);

        // Preferences without logging in, through the message's signed link.
        var (_, preferences) = await reader.GetAsync(Link(edition, NewsletterLinks.PreferencesPath));
        Assert.True(preferences.QuerySelector<IHtmlInputElement>($"input[name='listes'][value='{listId}']")!.IsChecked);

        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the header's URL, with no cookie and no token.
        using (var anonymous = app.CreateAnonymousClient())
        {
            var target = new Uri(unsubscribeHeader.Trim('<', '>')).PathAndQuery;
            using var oneClick = await anonymous.PostAsync(target,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }), Ct);
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }
        subscription = await app.WithDbAsync(db => db.NewsletterSubscriptions.AsNoTracking().SingleAsync(Ct));
        Assert.Equal(SubscriptionStatus.Unsubscribed, subscription.Status);
        Assert.Equal(editionId, subscription.UnsubscribedFromEditionId);

        // Figures through the API.
        using var api = await app.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        var read = await (await api.GetPathAsync($"/api/v1/newsletters/editions/{editionId}")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("sent", read.GetProperty("status").GetString());
        var figures = read.GetProperty("figures");
        Assert.Equal(1, figures.GetProperty("sent").GetInt32());
        Assert.Equal(1, figures.GetProperty("unsubscribed").GetInt32());
        Assert.Equal(0, figures.GetProperty("failed").GetInt32());
        Assert.Equal(JsonValueKind.Array, (await (await api.GetPathAsync("/api/v1/newsletters")).AssertStatusAsync(HttpStatusCode.OK)).ValueKind);

        // The public archive shows the sent edition.
        var archive = await reader.Client.GetDocumentAsync("/newsletter/archives");
        Assert.NotNull(archive.QuerySelector($"main a[href='/newsletter/archives/{editionId}']"));
        var page = await reader.Client.GetDocumentAsync($"/newsletter/archives/{editionId}");
        Assert.Equal("L’essentiel du lundi", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main a[href='/societe/le-marche-du-port']"));
    }

    [Fact]
    public async Task Sign_up_answers_the_same_for_new_pending_and_confirmed_addresses_and_a_filled_honeypot_stores_nothing()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(sink, new() { ["Kiosque:Newsletter:ConfirmationIntervalMinutes"] = "0" }));
        using var client = app.CreateAnonymousClient();

        async Task<string> AnswerAsync(string email)
        {
            using var response = await SignUpAsync(client, email, "/");
            return $"{(int)response.StatusCode} {response.Headers.Location} {await response.Content.ReadAsStringAsync(Ct)}";
        }

        var fresh = await AnswerAsync("nouvelle@exemple.fr");
        var pending = await AnswerAsync("nouvelle@exemple.fr");
        await app.WithDbAsync(db => db.NewsletterSubscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Active), Ct));
        var confirmed = await AnswerAsync("nouvelle@exemple.fr");
        Assert.Equal(fresh, pending);
        Assert.Equal(fresh, confirmed);
        // The owner's inbox tells them; the form does not tell anyone else.
        await sink.WaitAsync(m => m.Count == 3);
        Assert.Equal(NewsletterText.AlreadySubject(await app.SiteNameAsync()), sink.Messages.Last().Message.Subject);

        var robot = await AnswerAsync("robot@exemple.fr");
        using (var response = await SignUpAsync(client, "robot@exemple.fr", "/", website: "http://spam.example"))
            Assert.Equal(fresh.Split(' ')[1], response.Headers.Location!.OriginalString);
        Assert.Equal(fresh, robot);
        await sink.WaitAsync(m => m.Count == 4);
        using (var response = await SignUpAsync(client, "robot2@exemple.fr", "/", website: "http://spam.example"))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await Task.Delay(300, Ct);
        Assert.Empty(sink.To("robot2@exemple.fr"));
        Assert.False(await app.WithDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == "robot2@exemple.fr", Ct)));

        // A bad address: a clear error, the typed text kept, nothing stored.
        using var bad = await SignUpAsync(client, "pas-une-adresse@");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var page = await NewsroomSession.ParseAsync(bad);
        Assert.Contains(NewsletterText.EmailInvalid, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("pas-une-adresse@", page.QuerySelector<IHtmlInputElement>("#nl-email")!.Value);
        Assert.Equal("true", page.QuerySelector("#nl-email")!.GetAttribute("aria-invalid"));
        Assert.Equal(2, await app.WithDbAsync(db => db.NewsletterSubscribers.CountAsync(Ct)));
    }

    [Fact]
    public async Task On_the_sign_up_page_ticking_no_newsletter_is_an_error_that_keeps_the_address_and_the_ticked_list_is_the_one_joined()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(sink));
        var daily = await app.DefaultListAsync();
        var weekly = await app.WithDbAsync(async db =>
        {
            var list = new NewsletterList { Name = "L’hebdo", Slug = "l-hebdo", Open = true, Position = 1, CreatedAt = SiteData.Published };
            db.NewsletterLists.Add(list);
            await db.SaveChangesAsync(Ct);
            return list.Id;
        });
        var reader = NewsroomSession.Open(app);

        // Both lists offered, the first ticked by default, and the form says that the reader chooses.
        var (_, page) = await reader.GetAsync("/newsletter");
        Assert.Equal(2, page.QuerySelectorAll("main input[name='listes']").Length);
        Assert.True(page.QuerySelector<IHtmlInputElement>($"#nl-list-{daily}")!.IsChecked);

        // Nothing ticked: an error, the address kept, nothing ticked behind the reader's back, nothing stored or sent.
        using (var none = await reader.SubmitMainFormAsync("/newsletter", new() { ["email"] = "dominique@exemple.fr" }, "form.newsletter-form"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
            var again = await NewsroomSession.ParseAsync(none);
            Assert.Contains(NewsletterText.ListsRequired, again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("dominique@exemple.fr", again.QuerySelector<IHtmlInputElement>("#nl-email")!.Value);
            Assert.Empty(again.QuerySelectorAll("main input[name='listes']:checked"));
        }
        Assert.False(await app.WithDbAsync(db => db.NewsletterSubscribers.AnyAsync(Ct)));

        // Only the weekly ticked: only the weekly requested.
        using (var weeklyOnly = await reader.SubmitMainFormAsync("/newsletter",
                   new() { ["email"] = "dominique@exemple.fr", ["listes"] = weekly.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                   "form.newsletter-form"))
            Assert.Equal(HttpStatusCode.Redirect, weeklyOnly.StatusCode);
        var requested = await app.WithDbAsync(db => db.NewsletterSubscriptions.Select(s => s.ListId).ToListAsync(Ct));
        Assert.Equal([weekly], requested);
        await sink.WaitAsync(m => m.Count == 1);
        Assert.Contains("« L’hebdo »", sink.Messages.Single().Message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_up_is_limited_per_address_of_the_sender_with_a_429_that_keeps_the_typed_address()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(null, new() { ["Kiosque:Newsletter:SignUpPerIpLimit"] = "3" }));
        using var client = app.CreateAnonymousClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await SignUpAsync(client, $"lecteur{i}@exemple.fr");
            Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        }
        using var refused = await SignUpAsync(client, "encore@exemple.fr");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await NewsroomSession.ParseAsync(refused);
        Assert.Contains(NewsletterText.TooMany, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("encore@exemple.fr", page.QuerySelector<IHtmlInputElement>("#nl-email")!.Value);
        Assert.False(await app.WithDbAsync(db => db.NewsletterSubscribers.AnyAsync(s => s.Email == "encore@exemple.fr", Ct)));
    }

    [Fact]
    public async Task With_no_SMTP_server_an_edition_is_written_as_eml_files_one_per_recipient_by_the_command_line_verb()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(null, new()
        {
            ["Kiosque:Newsletter:SendInBackground"] = "false", ["Kiosque:PublicUrl"] = "https://echo.example",
        }));
        var (_, first, _) = await ArticlesAsync(app);
        var listId = await app.DefaultListAsync();
        var addresses = await app.SubscribersAsync(listId, 5);
        var editionId = await app.WithDbAsync(async db =>
        {
            var e = new Edition { ListId = listId, Subject = "Édition hors ligne", Status = EditionStatus.Draft, CreatedAt = SiteData.Published,
                Items = [new EditionItem { ArticleId = first }] };
            db.NewsletterEditions.Add(e);
            await db.SaveChangesAsync(Ct);
            return e.Id;
        });

        var (exit, output, error) = await NewsroomSession.RunCliAsync(app.Services, "newsletter", "send", editionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, error);
        Assert.Contains("5 sent", output, StringComparison.Ordinal);
        var files = Directory.GetFiles(Path.Combine(app.DataPath, "mail", "newsletter"), "*.eml");
        Assert.Equal(5, files.Length);
        var recipients = files.Select(f => MimeKit.MimeMessage.Load(f)).Select(m => m.To.Mailboxes.Single().Address).Order().ToList();
        Assert.Equal(addresses.Order(), recipients);
        Assert.All(files.Select(f => MimeKit.MimeMessage.Load(f)), m => Assert.StartsWith("<https://echo.example/newsletter/desabonnement?jeton=", m.Headers["List-Unsubscribe"], StringComparison.Ordinal));

        var (usage, _, unknown) = await NewsroomSession.RunCliAsync(app.Services, "newsletter", "send", "999");
        Assert.Equal(Kiosque.Cli.Cli.UsageError, usage);
        Assert.Contains("No edition 999", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_bad_input_with_problem_details_and_refuses_to_send_an_edition_twice()
    {
        await using var app = await KiosqueApp.CreateAsync(extra: Settings(null, new() { ["Kiosque:Newsletter:SendInBackground"] = "false" }));
        var (_, first, _) = await ArticlesAsync(app);
        var listId = await app.DefaultListAsync();
        using var api = await app.CreateApiClientAsync(Kiosque.Api.Roles.Editor);

        using var invalid = await api.PostJsonAsync($"/api/v1/newsletters/{listId}/editions", new { subject = " ", articleIds = new[] { first, 9999 } });
        var problem = await invalid.AssertStatusAsync(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.Contains("9999", errors.GetProperty("articleIds")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.NewsletterEditions.CountAsync(Ct)));

        await (await api.PostJsonAsync("/api/v1/newsletters/9999/editions", new { subject = "x" })).AssertStatusAsync(HttpStatusCode.NotFound);
        await (await api.PostJsonAsync("/api/v1/newsletters/editions/9999/send", new { })).AssertStatusAsync(HttpStatusCode.NotFound);

        var created = await (await api.PostJsonAsync($"/api/v1/newsletters/{listId}/editions", new { subject = "Programmée", articleIds = new[] { first } }))
            .AssertStatusAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var at = DateTimeOffset.UtcNow.AddDays(1);
        var scheduled = await (await api.PostJsonAsync($"/api/v1/newsletters/editions/{id}/send", new { scheduledAt = at })).AssertStatusAsync(HttpStatusCode.Accepted);
        Assert.Equal("scheduled", scheduled.GetProperty("status").GetString());
        await app.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EditionStatus.Sent), Ct));
        await (await api.PostJsonAsync($"/api/v1/newsletters/editions/{id}/send", new { })).AssertStatusAsync(HttpStatusCode.Conflict);
    }
}
