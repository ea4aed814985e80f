using Kiosque.Content;
using Microsoft.Extensions.Options;

namespace Kiosque.Distribution;

public enum FeedFormat { Rss, Atom, Podcast }

/// <summary>Builds one feed document: its source, its items, then RSS, Atom or podcast XML.</summary>
public sealed class Feeds(FeedQueries queries, IOptions<DistributionOptions> options)
{
    /// <summary>Null when the slug names nothing, or a podcast feed is asked of a section that is not a podcast.</summary>
    public async Task<Artefact?> BuildAsync(FeedScope scope, string? slug, FeedFormat format, string baseUrl, string selfPath, CancellationToken ct)
    {
        var source = await queries.SourceAsync(scope, slug, ct);
        if (source is null || format == FeedFormat.Podcast && source.Kind != SectionKind.Podcast) return null;
        var site = await queries.SiteAsync(ct);
        var o = options.Value;
        var items = await queries.ItemsAsync(source, format == FeedFormat.Podcast ? o.PodcastSize : o.FeedSize, format == FeedFormat.Podcast, ct);
        var updated = items.Count == 0 ? site.UpdatedAt : items.Max(i => i.ModifiedAt);
        var title = scope == FeedScope.Site ? site.Name : $"{site.Name} – {source.Title}";
        var description = !string.IsNullOrWhiteSpace(source.Description) ? source.Description
            : scope == FeedScope.Site && !string.IsNullOrWhiteSpace(site.Tagline) ? site.Tagline
            : title;
        var context = new FeedContext(site, baseUrl, title, description, baseUrl + source.PagePath.TrimEnd('/') + (source.PagePath == "/" ? "/" : ""),
            baseUrl + selfPath, updated);
        var (content, type) = format switch
        {
            FeedFormat.Atom => (FeedWriter.Atom(context, items), "application/atom+xml; charset=utf-8"),
            FeedFormat.Podcast => (FeedWriter.Podcast(context, items, o), "application/rss+xml; charset=utf-8"),
            _ => (FeedWriter.Rss(context, items), "application/rss+xml; charset=utf-8"),
        };
        return Artefact.Of(content, type, updated);
    }
}
