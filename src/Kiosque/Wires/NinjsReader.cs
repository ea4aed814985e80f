using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace Kiosque.Wires;

/// <summary>A wire item the reader refused, naming the field (JSON path) at fault.</summary>
public sealed class NinjsInvalidException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A picture of a wire item: the rendition chosen as its source (never fetched) and its metadata.</summary>
public sealed record NinjsPicture(string Uri, string Href, string? ContentType, int Width, int Height, long Length,
    string Alt, string? Caption, string? Credit);

/// <summary>What Kiosque takes from a ninjs item, whichever version wrote it.</summary>
public sealed record NinjsItem
{
    public required string Uri { get; init; }
    public string Type { get; init; } = "text";
    public string? Version { get; init; }
    public DateTime? VersionCreated { get; init; }
    public string PubStatus { get; init; } = "usable";
    public required string Headline { get; init; }
    public string Standfirst { get; init; } = "";
    public string BodyHtml { get; init; } = "";
    public string? Byline { get; init; }
    public IReadOnlyList<string> Subjects { get; init; } = [];
    public string? CopyrightHolder { get; init; }
    public string? CopyrightNotice { get; init; }
    public string? UsageTerms { get; init; }
    public IReadOnlyList<NinjsPicture> Pictures { get; init; } = [];
}

/// <summary>
/// Reads IPTC ninjs 1.x, 2.x and 3.x. Property names are matched without regard to case, which covers the move
/// from 2.x's lower-case names (versioncreated, pubstatus, contenttype) to 3.x's camelCase ones; the few renamed
/// properties (1.x's headline/body_html/body_text/description_text) are read too. Lenient on what it does not use,
/// strict on what it needs: the uri, a headline, well-formed dates and a known pubstatus.
/// </summary>
public static class NinjsReader
{
    public const int MaxDepth = 32;
    static readonly string[] PubStatuses = ["usable", "withheld", "canceled"];
    static readonly HtmlParser Html = new();

    public static NinjsItem Read(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            throw new NinjsInvalidException("$", "Not valid JSON: " + e.Message);
        }
        using (document) return Read(document.RootElement);
    }

    public static NinjsItem Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new NinjsInvalidException("$", "A ninjs item is a JSON object.");
        var uri = String(root, "uri") ?? throw new NinjsInvalidException("uri", "Required: the item's identifier.");
        if (uri.Length > 500 || !System.Uri.TryCreate(uri, UriKind.Absolute, out _))
            throw new NinjsInvalidException("uri", "An absolute URI of at most 500 characters.");

        var pubStatus = (String(root, "pubstatus") ?? "usable").ToLowerInvariant();
        if (!PubStatuses.Contains(pubStatus)) throw new NinjsInvalidException("pubstatus", "One of usable, withheld, canceled.");

        var headline = Headline(root) ?? throw new NinjsInvalidException("headlines", "Required: a headline (headlines[].value).");
        var byline = String(root, "by");
        var holder = String(root, "copyrightholder");
        var credit = holder ?? byline;
        var pictures = new List<NinjsPicture>();
        if (String(root, "type") is "picture" or "graphic" && Picture(root, "$", credit) is { } self) pictures.Add(self);
        if (Prop(root, "associations") is { } associations)
        {
            // 1.x keyed associations by name in an object; 2.x and 3.x list them.
            var list = associations.ValueKind switch
            {
                JsonValueKind.Array => associations.EnumerateArray().Select((a, i) => (a, $"associations[{i}]")).ToList(),
                JsonValueKind.Object => associations.EnumerateObject().Select(p => (p.Value, $"associations.{p.Name}")).ToList(),
                _ => throw new NinjsInvalidException("associations", "An array of associated items."),
            };
            foreach (var (association, path) in list)
                if (association.ValueKind == JsonValueKind.Object && String(association, "type") is "picture" or "graphic"
                    && Picture(association, path, credit) is { } picture)
                    pictures.Add(picture);
        }

        return new NinjsItem
        {
            Uri = uri,
            Type = String(root, "type") ?? "text",
            Version = Clip(String(root, "version"), 50),
            VersionCreated = Date(root, "versioncreated"),
            PubStatus = pubStatus,
            Headline = Clip(headline, 300)!,
            Standfirst = Clip(Standfirst(root), 2000) ?? "",
            BodyHtml = Body(root, headline),
            Byline = Clip(byline, 300),
            Subjects = Subjects(root),
            CopyrightHolder = Clip(holder, 300),
            CopyrightNotice = Clip(String(root, "copyrightnotice"), 1000),
            UsageTerms = Clip(String(root, "usageterms"), 2000),
            Pictures = pictures,
        };
    }

    /// <summary>The property of that name in any case (versionCreated or versioncreated); null when absent or null.</summary>
    static JsonElement? Prop(JsonElement element, string name)
    {
        foreach (var p in element.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                return p.Value.ValueKind == JsonValueKind.Null ? null : p.Value;
        return null;
    }

    static string? String(JsonElement element, string name) => Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.String } s => NullIfBlank(s.GetString()),
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        null => null,
        _ => throw new NinjsInvalidException(name, "Must be a string."),
    };

    static DateTime? Date(JsonElement element, string name)
    {
        var text = String(element, name);
        if (text is null) return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime
            : throw new NinjsInvalidException(name, $"\"{Clip(text, 40)}\" is not a date-time such as 2026-11-24T10:00:00Z.");
    }

    static IEnumerable<JsonElement> Objects(JsonElement element, string name) => Prop(element, name) switch
    {
        { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object),
        null => [],
        _ => throw new NinjsInvalidException(name, "Must be an array."),
    };

    /// <summary>The main headline, else the first; 1.x's `headline`, then `title` as last resorts.</summary>
    static string? Headline(JsonElement root)
    {
        var headlines = Objects(root, "headlines").ToList();
        var main = headlines.FirstOrDefault(h => String(h, "role") == "main");
        return (main.ValueKind == JsonValueKind.Object ? String(main, "value") : null)
               ?? headlines.Select(h => String(h, "value")).FirstOrDefault(v => v is not null)
               ?? String(root, "headline") ?? String(root, "title");
    }

    /// <summary>A summary or teaser description as plain text; 1.x's description_text.</summary>
    static string? Standfirst(JsonElement root)
    {
        var descriptions = Objects(root, "descriptions").ToList();
        var chosen = descriptions.FirstOrDefault(d => String(d, "role") is "summary" or "teaser" or "abstract" or "text");
        var value = (chosen.ValueKind == JsonValueKind.Object ? String(chosen, "value") : null)
                    ?? descriptions.Where(d => String(d, "role") != "alt").Select(d => String(d, "value")).FirstOrDefault(v => v is not null)
                    ?? String(root, "description_text");
        return value is null ? null : PlainText(value);
    }

    /// <summary>
    /// An HTML body when there is one (its &lt;body&gt; or &lt;article&gt;, without the repeated headline), else the
    /// plain-text body in paragraphs. Sanitizing is the workflow's, as for any article.
    /// </summary>
    static string Body(JsonElement root, string headline)
    {
        var bodies = Objects(root, "bodies").ToList();
        string? html = null, text = null;
        foreach (var body in bodies)
        {
            var type = String(body, "contenttype") ?? "";
            var value = String(body, "value");
            if (value is null) continue;
            if (type.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) || type.Contains("xhtml", StringComparison.OrdinalIgnoreCase))
                html ??= value;
            else if (text is null && type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)) text = value;
        }
        html ??= String(root, "body_html");
        text ??= String(root, "body_text");
        if (html is not null) return HtmlBody(html, headline);
        return text is null ? "" : Paragraphs(text);
    }

    static string HtmlBody(string html, string headline)
    {
        using var document = Html.ParseDocument(html);
        var container = (AngleSharp.Dom.IElement?)document.QuerySelector("article") ?? document.Body;
        if (container is null) return "";
        foreach (var title in container.QuerySelectorAll("h1").Where(h => h.TextContent.Trim() == headline.Trim()).ToList()) title.Remove();
        return container.InnerHtml.Trim();
    }

    static string Paragraphs(string text) =>
        string.Concat(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));

    static string PlainText(string value)
    {
        if (!value.Contains('<', StringComparison.Ordinal)) return value.Trim();
        using var document = Html.ParseDocument(value);
        return (document.Body?.TextContent ?? "").Trim();
    }

    /// <summary>Subject names (else literals) as tag names: at most 20, each at most 100 characters.</summary>
    static List<string> Subjects(JsonElement root) =>
        Objects(root, "subjects")
            .Select(s => String(s, "name") ?? String(s, "literal"))
            .Where(n => n is not null && Content.Slugs.From(n).Length > 0)
            .Select(n => Clip(n, 100)!)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(20).ToList();

    /// <summary>
    /// The rendition to record as the picture's source: the largest image rendition with an http(s) href.
    /// Null when the picture has none (nothing to point at).
    /// </summary>
    static NinjsPicture? Picture(JsonElement picture, string path, string? itemCredit)
    {
        var renditions = Prop(picture, "renditions") switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object).ToList(),
            // 1.x keyed renditions by name.
            { ValueKind: JsonValueKind.Object } keyed => keyed.EnumerateObject().Select(p => p.Value).Where(r => r.ValueKind == JsonValueKind.Object).ToList(),
            _ => [],
        };
        var best = renditions
            .Select(r => (Rendition: r, Href: String(r, "href"), Type: String(r, "contenttype") ?? String(r, "mimetype"), Width: Int(r, "width"), Height: Int(r, "height")))
            .Where(r => r.Href is not null && System.Uri.TryCreate(r.Href, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" && r.Href.Length <= 1000)
            .OrderByDescending(r => r.Type is null || r.Type.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(r => (long)r.Width * r.Height)
            .FirstOrDefault();
        if (best.Href is null) return null;
        var descriptions = Objects(picture, "descriptions").ToList();
        var alt = descriptions.Where(d => String(d, "role") == "alt").Select(d => String(d, "value")).FirstOrDefault();
        var caption = descriptions.Where(d => String(d, "role") != "alt").Select(d => String(d, "value")).FirstOrDefault(v => v is not null)
                      ?? Headline(picture);
        var credit = String(picture, "copyrightholder") is { } holder
            ? String(picture, "by") is { } by && !by.Contains(holder, StringComparison.OrdinalIgnoreCase) ? $"{by} / {holder}" : String(picture, "by") ?? holder
            : String(picture, "by") ?? itemCredit;
        return new NinjsPicture(
            Clip(String(picture, "uri") ?? best.Href, 500)!, best.Href, Clip(best.Type, 100), best.Width, best.Height,
            Long(best.Rendition, "sizeinbytes"),
            Clip(PlainText(alt ?? caption ?? ""), 1000)!, Clip(caption is null ? null : PlainText(caption), 2000), Clip(credit, 300));
    }

    static int Int(JsonElement element, string name) =>
        Prop(element, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetDouble(out var d) && d is > 0 and < int.MaxValue ? (int)d : 0;

    static long Long(JsonElement element, string name) =>
        Prop(element, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetDouble(out var d) && d is > 0 and < long.MaxValue ? (long)d : 0;

    static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static string? Clip(string? s, int max)
    {
        if (s is null || s.Length <= max) return s;
        var cut = new StringBuilder(s[..(max - 1)].TrimEnd()).Append('…');
        return cut.ToString();
    }
}
