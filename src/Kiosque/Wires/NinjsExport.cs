using System.Globalization;
using System.Text.Json.Nodes;
using Kiosque.Content;

namespace Kiosque.Wires;

/// <summary>The two ninjs versions Kiosque writes: 3.1 (camelCase names) and 2.1 (lower-case names).</summary>
public enum NinjsVersion { V2_1, V3_1 }

/// <summary>What the export needs beyond the article: absolute URLs and the site's name and language.</summary>
public sealed record NinjsContext(Func<string, string> Absolute, string SiteName, string Language, WireItem? Wire);

/// <summary>
/// An article as an IPTC ninjs item that validates against the 2.1 or 3.1 schema. The uri is the article's public
/// URL; the lead image is an association with its original as rendition; tags are subjects; the wire item's rights
/// lines, when the article came from an agency, travel on.
/// </summary>
public static class NinjsExport
{
    public const string MediaType = "application/ninjs+json";

    public static string ContentType(NinjsVersion version) =>
        $"{MediaType}; version={(version == NinjsVersion.V3_1 ? "3.1" : "2.1")}";

    /// <summary>
    /// From an Accept header: null when it does not ask for ninjs; the version asked for (3.1 when unnamed); or
    /// false in <paramref name="known"/> when the version is one Kiosque does not write.
    /// </summary>
    public static NinjsVersion? Negotiate(IEnumerable<string?> accept, out bool known)
    {
        known = true;
        foreach (var header in accept)
        {
            if (header is null) continue;
            if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParseList(header.Split(','), out var types)) continue;
            foreach (var type in types.OrderByDescending(t => t.Quality ?? 1))
            {
                if (!type.MediaType.Equals(MediaType, StringComparison.OrdinalIgnoreCase)) continue;
                if (type.Quality == 0) continue;
                var version = type.Parameters.FirstOrDefault(p => p.Name.Equals("version", StringComparison.OrdinalIgnoreCase))?.Value.Value?.Trim('"');
                switch (version)
                {
                    case null or "3" or "3.1" or "3.0" or "3.0.1": return NinjsVersion.V3_1;
                    case "2" or "2.1" or "2.0": return NinjsVersion.V2_1;
                    default:
                        known = false;
                        return null;
                }
            }
        }
        return null;
    }

    /// <summary>Needs Section, LeadImage, Authors.Author and Tags loaded.</summary>
    public static JsonObject Write(Article a, NinjsVersion version, NinjsContext context)
    {
        var v3 = version == NinjsVersion.V3_1;
        string N(string v2Name, string v3Name) => v3 ? v3Name : v2Name;

        var item = new JsonObject
        {
            ["uri"] = context.Absolute(a.Path),
            ["type"] = "text",
            [N("representationtype", "representationType")] = "full",
            ["version"] = a.Version.ToString(CultureInfo.InvariantCulture),
            [N("firstcreated", "firstCreated")] = Date(a.CreatedAt),
            [N("versioncreated", "versionCreated")] = Date(a.UpdatedAt),
            [N("pubstatus", "pubStatus")] = a.Status == ArticleStatus.Published ? "usable" : "withheld",
            [N("copyrightholder", "copyrightHolder")] = context.Wire?.Credit ?? context.SiteName,
            ["language"] = context.Language,
            ["headlines"] = new JsonArray(new JsonObject { ["role"] = "main", ["value"] = a.Headline }),
        };
        if (a.PublishedAt is { } published) item[N("contentcreated", "contentCreated")] = Date(published);
        if (context.Wire?.CopyrightNotice is { } notice) item[N("copyrightnotice", "copyrightNotice")] = notice;
        if (context.Wire?.UsageTerms is { } terms) item[N("usageterms", "usageTerms")] = terms;
        if (!string.IsNullOrWhiteSpace(a.EffectiveKicker))
            ((JsonArray)item["headlines"]!).Add(new JsonObject { ["role"] = "kicker", ["value"] = a.EffectiveKicker });
        if (!string.IsNullOrWhiteSpace(a.Standfirst))
            item["descriptions"] = new JsonArray(new JsonObject { ["role"] = "summary", [N("contenttype", "contentType")] = "text/plain", ["value"] = a.Standfirst });
        item["bodies"] = new JsonArray(new JsonObject
        {
            ["role"] = "main",
            [N("contenttype", "contentType")] = "text/html",
            [N("charcount", "charCount")] = a.BodyHtml.Length,
            ["value"] = a.BodyHtml,
        });
        var byline = string.Join(", ", a.Authors.OrderBy(x => x.Position).Select(x => x.Author.Name));
        if (byline.Length > 0) item["by"] = byline;
        if (a.Tags.Count > 0)
            item["subjects"] = new JsonArray(a.Tags.OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["uri"] = context.Absolute($"/tags/{t.Slug}"), ["literal"] = t.Slug }).ToArray());
        if (a.LeadImage is { } image)
        {
            var href = image.SourceUrl ?? context.Absolute(image.Url);
            var rendition = new JsonObject { ["name"] = "original", ["href"] = href, [N("contenttype", "contentType")] = image.ContentType };
            if (image.Width > 0) rendition["width"] = image.Width;
            if (image.Height > 0) rendition["height"] = image.Height;
            if (image.Length > 0) rendition[N("sizeinbytes", "sizeInBytes")] = image.Length;
            var picture = new JsonObject
            {
                ["name"] = "leadimage",
                ["uri"] = href,
                ["type"] = "picture",
                ["renditions"] = new JsonArray(rendition),
            };
            if (v3) picture["rel"] = "leadimage";
            var descriptions = new JsonArray();
            if ((a.LeadImageAlt ?? image.Alt) is { Length: > 0 } alt) descriptions.Add(new JsonObject { ["role"] = "alt", ["value"] = alt });
            if ((a.LeadImageCaption ?? image.Caption) is { Length: > 0 } caption) descriptions.Add(new JsonObject { ["role"] = "caption", ["value"] = caption });
            if (descriptions.Count > 0) picture["descriptions"] = descriptions;
            if ((a.LeadImageCredit ?? image.Credit) is { Length: > 0 } credit) picture[N("copyrightholder", "copyrightHolder")] = credit;
            item["associations"] = new JsonArray(picture);
        }
        return item;
    }

    static string Date(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
