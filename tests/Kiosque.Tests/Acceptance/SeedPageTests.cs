using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Kiosque.Tests.Infrastructure;

namespace Kiosque.Tests.Acceptance;

/// <summary>
/// The foundation's acceptance test: an article with the structure of the reference page
/// (shared/reference/seed-page.txt), made through the API with our own text, then read on the public site.
/// </summary>
public sealed class SeedPageTests
{
    const string SiteName = "La Gazette du Port";
    const string SuspensionMessage = "Face à trop d'excès, nous avons suspendu les commentaires sur La Gazette du Port.";
    const string Kicker = "Crise au détroit";
    const string Headline = "Le ministre des Affaires étrangères atterrit à Lisbonne pour des discussions avec son homologue";
    const string Standfirst = "Ce mardi, le chef de la diplomatie est arrivé au Portugal pour une rencontre que ses voisins observent de près.";
    const string Alt = "Le ministre descend de l'avion à Lisbonne ce mardi 14 mars.";
    const string Caption = "Le ministre descend de l'avion à Lisbonne ce mardi 14 mars.";
    const string Credit = "©Lucie FERRAND / AGENCE PORT";
    const string RelatedTitle = "Crise au détroit : les armateurs réclament une escorte, selon les douanes ; le gouvernement temporise";
    const string RelatedSource = "Le Courrier de l'Ouest";

    static readonly string[] Paragraphs =
    [
        "L’entente entre les deux capitales s’affiche au grand jour. Le ministre est arrivé mardi à Lisbonne pour y rencontrer son homologue, son principal soutien dans la crise du détroit.",
        "C’est sa première visite au Portugal depuis quatre ans. Son homologue, lui, fait régulièrement le voyage, notamment pour avancer sur un accord portuaire commun.",
        "La rencontre intervient alors que les garde-côtes surveillent de près les routes maritimes, par crainte d’un nouvel incident au printemps.",
        "Des images d’exercices navals ont été publiées mardi par l’état-major. On y voit des vedettes manœuvrer dans une mer agitée, sous un ciel bas.",
    ];

    static readonly (string Label, string Url)[] Navigation =
    [
        ("La Gazette, c'est qui, c'est quoi ?", "/qui-sommes-nous"), ("Newsletter", "/newsletter"), ("Décryptages", "/decryptages"),
        ("Pépites", "/pepites"), ("Dossiers", "/dossiers"), ("Vidéos", "/videos"), ("Podcasts", "/podcasts"), ("International", "/international"),
    ];

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task An_article_made_through_the_API_shows_every_element_of_the_seed_page_in_its_order(DatabaseKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await KiosqueApp.CreateAsync(kind);
        using var api = await app.CreateApiClientAsync("admin");

        await Send(api, HttpMethod.Put, "/api/v1/site", new
        {
            name = SiteName, tagline = "Le quotidien des quais", language = "fr",
            commentsSuspended = true, commentsSuspendedMessage = SuspensionMessage,
        });
        await Send(api, HttpMethod.Put, "/api/v1/site/navigation", Navigation.Select(n => new { label = n.Label, url = n.Url }).ToArray());
        foreach (var (name, position) in new[] { ("Décryptages", 1), ("Pépites", 2), ("International", 3) })
            await Send(api, HttpMethod.Post, "/api/v1/sections", new { name, position, kind = "standard" });
        await Send(api, HttpMethod.Post, "/api/v1/dossiers", new { name = Kicker, slug = "crise-au-detroit" });
        await Send(api, HttpMethod.Post, "/api/v1/authors", new { name = "Nora Belkacem", slug = "nora-belkacem", bio = "Journaliste au service étranger." });

        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestImages.Jpeg());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        upload.Add(file, "file", "lisbonne.jpg");
        upload.Add(new StringContent(Alt), "alt");
        upload.Add(new StringContent(Caption), "caption");
        upload.Add(new StringContent(Credit), "credit");
        var mediaResponse = await api.PostAsync("/api/v1/media", upload, ct);
        Assert.Equal(HttpStatusCode.Created, mediaResponse.StatusCode);
        var media = await mediaResponse.Content.ReadFromJsonAsync<JsonElement>(ct);

        var created = await Send(api, HttpMethod.Post, "/api/v1/articles", new
        {
            section = "international",
            dossier = "crise-au-detroit",
            headline = Headline,
            standfirst = Standfirst,
            bodyHtml = string.Concat(Paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")),
            leadImage = new { mediaId = media.GetProperty("id").GetInt32() },
            authors = new[] { "nora-belkacem" },
            tags = new[] { "Diplomatie" },
            related = new[] { new { url = "https://www.example.org/crise-detroit-armateurs", title = RelatedTitle, source = RelatedSource } },
            status = "published",
            commentsEnabled = true,
        }, HttpStatusCode.Created);
        var url = new Uri(created.GetProperty("url").GetString()!);
        Assert.Equal("/international/" + created.GetProperty("slug").GetString(), url.AbsolutePath);

        using var reader = app.CreateAnonymousClient();
        var response = await reader.GetAsync(url.AbsolutePath, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync(ct));

        // <title>: "Kicker : Headline | Site name", French typography allowed before the colon.
        Assert.Equal($"{Kicker} : {Headline} | {SiteName}", document.Title!.Replace('\u00A0', ' ').Replace('\u202F', ' '));

        // The visible text (and image alt texts) in document order follows the seed page's order.
        var visible = VisibleText(document.Body!);
        var expected = Navigation.Select(n => n.Label)
            .Concat(["International", Alt, Caption, Credit, Kicker, Headline, Standfirst])
            .Concat(Paragraphs)
            .Concat(["À lire aussi", RelatedTitle, RelatedSource, SuspensionMessage])
            .ToList();
        var at = 0;
        foreach (var text in expected)
        {
            var found = visible.IndexOf(text, at, StringComparison.OrdinalIgnoreCase);
            Assert.True(found >= 0, $"«{text}» should appear after position {at} of the page's text:\n{visible}");
            at = found + text.Length;
        }

        // No comment form where comments are suspended site-wide.
        Assert.Empty(document.QuerySelectorAll("main form textarea"));

        // Share links: plain links after the suspension message, no third-party scripts anywhere.
        var suspension = document.Body!.Descendants<IText>().First(t => t.Data.Contains(SuspensionMessage[..20], StringComparison.Ordinal));
        string[] shareTargets = ["mailto:", "https://wa.me/", "https://t.me/share", "sms:", "https://www.facebook.com/sharer", "https://x.com/intent", "https://www.linkedin.com/"];
        foreach (var target in shareTargets)
        {
            var link = document.QuerySelectorAll("a[href]").FirstOrDefault(a => a.GetAttribute("href")!.StartsWith(target, StringComparison.Ordinal));
            Assert.True(link is not null, $"a share link to {target} should be on the page");
            Assert.Contains(Uri.EscapeDataString(url.ToString()), WebUtility.HtmlDecode(link!.GetAttribute("href")!), StringComparison.OrdinalIgnoreCase);
            Assert.True(suspension.CompareDocumentPosition(link).HasFlag(DocumentPositions.Following), $"{target} should follow the comments area");
        }
        Assert.All(document.QuerySelectorAll("script[src]"), s => Assert.StartsWith("/", s.GetAttribute("src")!, StringComparison.Ordinal));
        Assert.Contains(document.QuerySelectorAll("main a[href]"), a => a.GetAttribute("href") == "/newsletter");

        // The credit is rendered exactly as typed.
        Assert.Contains(document.QuerySelectorAll("figcaption *, figcaption"), e => e.TextContent.Trim() == Credit);

        // schema.org NewsArticle.
        var jsonLd = document.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(j => j.TryGetProperty("@type", out var t) && t.GetString() == "NewsArticle");
        Assert.Equal(Headline, jsonLd.GetProperty("headline").GetString());
        Assert.Equal(SiteName, jsonLd.GetProperty("publisher").GetProperty("name").GetString());
        Assert.Contains("Nora Belkacem", jsonLd.GetProperty("author").GetRawText(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(jsonLd.GetProperty("datePublished").GetString(), out _));
        Assert.True(DateTimeOffset.TryParse(jsonLd.GetProperty("dateModified").GetString(), out _));
        var image = jsonLd.GetProperty("image");
        var imageUrl = image.ValueKind == JsonValueKind.Array ? image[0].GetString()! : image.ValueKind == JsonValueKind.Object ? image.GetProperty("url").GetString()! : image.GetString()!;
        Assert.StartsWith("http://localhost/media/", imageUrl, StringComparison.Ordinal);

        Assert.Equal(url.ToString(), document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    static async Task<JsonElement> Send(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode? expected = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (expected is not null) Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode} {text}");
        else Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Text nodes and image alt texts of the body, in document order, scripts and styles left out.</summary>
    static string VisibleText(IElement body)
    {
        var sb = new StringBuilder();
        void Walk(INode node)
        {
            switch (node)
            {
                case IElement e when e.LocalName is "script" or "style" or "template":
                    return;
                case IElement e when e.LocalName == "img":
                    sb.Append(' ').Append(e.GetAttribute("alt")).Append(' ');
                    break;
                case IText t:
                    sb.Append(t.Data);
                    break;
            }
            foreach (var child in node.ChildNodes) Walk(child);
        }
        Walk(body);
        return System.Text.RegularExpressions.Regex.Replace(sb.ToString().Replace('\u00A0', ' '), @"\s+", " ");
    }
}
