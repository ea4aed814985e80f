using System.Net;
using System.Text.RegularExpressions;
using Kiosque.Newsletter;
using Kiosque.Tests.Api;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Kiosque.Tests.Newsletter;

public static partial class NewsletterTestSupport
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Settings for a test: fast polling and retries, no pace, no sign-up limit unless overridden.</summary>
    public static Dictionary<string, string?> Settings(SmtpSink? sink, Dictionary<string, string?>? overrides = null)
    {
        var settings = sink?.Settings() ?? [];
        settings["Kiosque:Newsletter:PollSeconds"] = "1";
        settings["Kiosque:Newsletter:RetrySeconds"] = "1";
        settings["Kiosque:Newsletter:MessagesPerSecond"] = "0";
        settings["Kiosque:Newsletter:SignUpPerIpLimit"] = "1000";
        foreach (var (k, v) in overrides ?? []) settings[k] = v;
        return settings;
    }

    /// <summary>A section with two published articles (one with a lead image); returns their ids.</summary>
    public static async Task<(int Section, int First, int Second)> ArticlesAsync(KiosqueApp app)
    {
        var section = SiteData.Section("Société", "societe", 1);
        var image = SiteData.Image("/media/2026/11/port.jpg", "Le port au petit matin");
        var first = SiteData.Article(section, "la-rentree-scolaire", "La rentrée scolaire");
        first.LeadImage = image;
        var second = SiteData.Article(section, "le-marche-du-port", "Le marché du port", SiteData.Published.AddHours(1));
        await app.AddAsync(section, image, first, second);
        return (section.Id, first.Id, second.Id);
    }

    /// <summary>The site's name as the e-mails give it.</summary>
    public static Task<string> SiteNameAsync(this KiosqueApp app) =>
        app.WithDbAsync(async db => await db.SiteSettings.Select(s => s.Name).FirstOrDefaultAsync() ?? "Kiosque");

    public static Task<int> DefaultListAsync(this KiosqueApp app) =>
        app.WithDbAsync(db => db.NewsletterLists.OrderBy(l => l.Position).ThenBy(l => l.Id).Select(l => l.Id).FirstAsync());

    /// <summary>Confirmed subscribers written straight to the database, for sending tests.</summary>
    public static async Task<List<string>> SubscribersAsync(this KiosqueApp app, int listId, int count, string prefix = "lecteur")
    {
        var addresses = Enumerable.Range(1, count).Select(i => $"{prefix}{i}@exemple.fr").ToList();
        await app.WithDbAsync(async db =>
        {
            foreach (var address in addresses)
            {
                var subscriber = new Subscriber { Email = address, CreatedAt = SiteData.Published, ConfirmedAt = SiteData.Published };
                db.NewsletterSubscribers.Add(subscriber);
                await db.SaveChangesAsync(Ct);
                db.NewsletterSubscriptions.Add(new Subscription
                {
                    SubscriberId = subscriber.Id, ListId = listId, Status = SubscriptionStatus.Active, RequestedAt = SiteData.Published,
                    ConfirmedAt = SiteData.Published, Source = "/test",
                });
            }
            await db.SaveChangesAsync(Ct);
            return 0;
        });
        return addresses;
    }

    /// <summary>Through the API, as an integrator would: creates the edition and asks for it to be sent now; returns its id.</summary>
    public static async Task<int> SendEditionAsync(this KiosqueApp app, int listId, string subject, params int[] articleIds)
    {
        using var api = await app.CreateApiClientAsync(Kiosque.Api.Roles.Editor);
        var created = await (await api.PostJsonAsync($"/api/v1/newsletters/{listId}/editions",
            new { subject, intro = "Bonjour,\n\nVoici l’essentiel du jour.", articleIds })).AssertStatusAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        await (await api.PostJsonAsync($"/api/v1/newsletters/editions/{id}/send", new { })).AssertStatusAsync(HttpStatusCode.Accepted);
        return id;
    }

    public static async Task<EditionStatus> WaitForEditionAsync(this KiosqueApp app, int editionId, EditionStatus status, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var now = await app.WithDbAsync(db => db.NewsletterEditions.Where(e => e.Id == editionId).Select(e => e.Status).FirstAsync());
            if (now == status) return now;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Edition {editionId} is {now}, not {status}, after {seconds} s.");
            await Task.Delay(100, Ct);
        }
    }

    public static Task<List<Delivery>> DeliveriesAsync(this KiosqueApp app, int editionId) =>
        app.WithDbAsync(db => db.NewsletterDeliveries.AsNoTracking().Where(d => d.EditionId == editionId).OrderBy(d => d.Id).ToListAsync());

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();

    /// <summary>The first link in the text part that goes to <paramref name="path"/>, as a site-relative URL.</summary>
    public static string Link(MimeMessage message, string path)
    {
        var link = Url().Matches(message.TextBody ?? "").Select(m => m.Value).FirstOrDefault(u => new Uri(u).AbsolutePath == path)
                   ?? throw new InvalidOperationException($"No link to {path} in:\n{message.TextBody}");
        return new Uri(link).PathAndQuery;
    }

    /// <summary>Posts the form in the page's main content (the header's search form comes first) with its hidden fields and <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitMainFormAsync(this Kiosque.Tests.Accounts.NewsroomSession session, string url,
        Dictionary<string, string>? fields = null, string? selector = null)
    {
        var (_, page) = await session.GetAsync(url);
        var form = page.QuerySelector(selector ?? "main form") as AngleSharp.Html.Dom.IHtmlFormElement
                   ?? throw new InvalidOperationException($"No form on {url}: {page.Body?.TextContent}");
        var values = form.Elements.OfType<AngleSharp.Html.Dom.IHtmlInputElement>()
            .Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)).ToDictionary(i => i.Name!, i => i.Value);
        foreach (var (k, v) in fields ?? []) values[k] = v;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await session.PostAsync(action, values);
    }

    /// <summary>
    /// What a browser sends when the <paramref name="button"/> is pressed: its form's controls as the page has them
    /// (typed text, ticked boxes, chosen options), with <paramref name="fields"/> typed over them, to the button's formaction.
    /// </summary>
    public static async Task<HttpResponseMessage> PressAsync(this Kiosque.Tests.Accounts.NewsroomSession session, string url, string button,
        Dictionary<string, string>? fields = null)
    {
        var (_, page) = await session.GetAsync(url);
        var pressed = page.QuerySelector(button) as AngleSharp.Html.Dom.IHtmlButtonElement
                      ?? throw new InvalidOperationException($"No button {button} on {url}: {page.Body?.TextContent}");
        if (pressed.IsDisabled) throw new InvalidOperationException($"The button {button} on {url} is disabled.");
        var form = pressed.Form ?? throw new InvalidOperationException($"The button {button} on {url} is in no form.");
        var values = new Dictionary<string, string>();
        foreach (var control in form.Elements)
        {
            switch (control)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement i when !string.IsNullOrEmpty(i.Name) && i.Type is not ("submit" or "button" or "file")
                                                                 && (i.Type is not ("checkbox" or "radio") || i.IsChecked):
                    values.TryAdd(i.Name!, i.Value);
                    break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement t when !string.IsNullOrEmpty(t.Name):
                    values.TryAdd(t.Name!, t.Value);
                    break;
                case AngleSharp.Html.Dom.IHtmlSelectElement s when !string.IsNullOrEmpty(s.Name) && s.Options.Length > 0:
                    values.TryAdd(s.Name!, s.Value ?? "");
                    break;
            }
        }
        if (!string.IsNullOrEmpty(pressed.Name)) values[pressed.Name!] = pressed.Value;
        foreach (var (k, v) in fields ?? []) values[k] = v;
        var action = pressed.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        return await session.PostAsync(action, values);
    }

    public static IEnumerable<string> Urls(string text) => Url().Matches(text).Select(m => m.Value);
}
