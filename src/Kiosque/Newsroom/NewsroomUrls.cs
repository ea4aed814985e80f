namespace Kiosque.Newsroom;

public static class NewsroomUrls
{
    public const string Home = "/newsroom";

    /// <summary>Only a newsroom path of this site: never an open redirect.</summary>
    public static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith("/newsroom", StringComparison.Ordinal)
            && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : Home;

    public static string RequestBase(HttpRequest request) => $"{request.Scheme}://{request.Host}";
}
