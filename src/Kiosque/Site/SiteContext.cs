using System.Globalization;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Microsoft.Extensions.Options;

namespace Kiosque.Site;

public sealed record NavigationLink(string Label, string Url);

/// <summary>
/// What every reader page needs once per request: the site settings and navigation (kept in memory by
/// <see cref="SiteSnapshots"/>), the culture and time zone to show dates in, absolute URLs, and the page's SEO tags for the layout.
/// </summary>
public sealed class SiteContext(KiosqueDb db, SiteSnapshots snapshots, IOptions<KiosqueOptions> options, IHttpContextAccessor http, TimeProvider clock)
{
    static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("fr-FR");

    bool loaded;
    public SiteSettings Settings { get; private set; } = new();
    public IReadOnlyList<NavigationLink> Navigation { get; private set; } = [];
    public CultureInfo Culture { get; private set; } = DefaultCulture;
    public TimeZoneInfo TimeZone { get; private set; } = TimeZoneInfo.Utc;
    public PageMeta Meta { get; set; } = new();

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public async Task LoadAsync(CancellationToken ct)
    {
        if (loaded) return;
        var snapshot = await snapshots.GetAsync(db, ct);
        Settings = snapshot.Settings;
        Navigation = snapshot.Navigation;
        Culture = CultureFor(Settings.Language);
        TimeZone = TimeZoneFor(Settings.TimeZone);
        loaded = true;
    }

    public string Language => string.IsNullOrWhiteSpace(Settings.Language) ? "fr" : Settings.Language;

    /// <summary>"fr" → "fr_FR", as OpenGraph wants it.</summary>
    public string OpenGraphLocale => Culture.Name.Replace('-', '_');

    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl)) return options.Value.PublicUrl.TrimEnd('/');
            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    /// <summary>Content stores site-relative URLs (/media/…); pages, tags and JSON-LD need them absolute.</summary>
    public string Absolute(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https") return url;
        return BaseUrl + (url.StartsWith('/') ? url : "/" + url);
    }

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>"lundi 19 décembre 2022".</summary>
    public string LongDate(DateTime utc) => ToLocal(utc).ToString("dddd d MMMM yyyy", Culture);

    /// <summary>"lundi 19 décembre 2022 à 14 h 05".</summary>
    public string LongDateTime(DateTime utc)
    {
        var local = ToLocal(utc);
        return $"{local.ToString("dddd d MMMM yyyy", Culture)} {SiteText.At} {local.Hour} h {local.Minute:00}";
    }

    /// <summary>ISO 8601 with the site's offset, for &lt;time datetime&gt;, OpenGraph and JSON-LD.</summary>
    public string Iso(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    static CultureInfo CultureFor(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return DefaultCulture;
        try
        {
            var culture = CultureInfo.GetCultureInfo(language);
            return culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(culture.Name) : culture;
        }
        catch (CultureNotFoundException)
        {
            return DefaultCulture;
        }
    }

    static TimeZoneInfo TimeZoneFor(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return TimeZoneInfo.Utc;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
