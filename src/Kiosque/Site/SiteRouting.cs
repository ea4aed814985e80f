using Kiosque.Content;

namespace Kiosque.Site;

/// <summary>
/// "{x:publicslug}" matches a path segment that can be a section, page or article slug: never a reserved word
/// (api, css, media …) and never a file name, so that static files and other features keep their URLs.
/// </summary>
public sealed class PublicSlugConstraint : IRouteConstraint
{
    public const string Name = "publicslug";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values,
        RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string s
        && s.Length is > 0 and <= 200 && !s.Contains('.', StringComparison.Ordinal) && !Slugs.Reserved.Contains(s);
}

public static class Paging
{
    /// <summary>Absent → page 1; anything but a plain positive number → false (the caller answers 404).</summary>
    public static bool TryParse(string? raw, out int page)
    {
        page = 1;
        if (string.IsNullOrEmpty(raw)) return true;
        return raw.Length <= 6 && raw.All(char.IsAsciiDigit) && int.TryParse(raw, out page) && page >= 1;
    }

    public static string Url(string basePath, int page) => page <= 1 ? basePath : $"{basePath}?page={page}";
}

public static class ErrorPaths
{
    /// <summary>The JSON API keeps RFC 9457 problem details; every other path gets the site's HTML error pages.</summary>
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi");
}
