namespace Kiosque.Site.Pages;

static class Listings
{
    public static PageMeta Meta(SiteContext site, ListingView listing, string? description) => new()
    {
        Title = listing.Articles.Page > 1
            ? Titles.ForPage($"{listing.Title} – page {listing.Articles.Page}", site.Settings.Name)
            : Titles.ForPage(listing.Title, site.Settings.Name),
        SocialTitle = listing.Title,
        Description = string.IsNullOrWhiteSpace(description) ? null : description,
        CanonicalPath = Paging.Url(listing.BasePath, listing.Articles.Page),
        // Section, dossier, author and tag listings each have feeds at {BasePath}/rss.xml and /atom.xml.
        Feeds =
        [
            new FeedLink($"{site.Settings.Name} – {listing.Title} (RSS)", listing.BasePath + "/rss.xml", "application/rss+xml"),
            new FeedLink($"{site.Settings.Name} – {listing.Title} (Atom)", listing.BasePath + "/atom.xml", "application/atom+xml"),
        ],
    };
}
