namespace Kiosque.Infrastructure;

/// <summary>
/// Headers on every response, pages and API alike. The policy forbids inline scripts and styles: pages load
/// their CSS and scripts from files, and the only frames are the allow-listed video players.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; media-src 'self'; style-src 'self'; script-src 'self'; " +
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://geo.dailymotion.com; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    const string PolicyOverrideKey = "Kiosque.ContentSecurityPolicy";

    /// <summary>
    /// For a response that must differ (a newsletter preview is e-mail HTML, with inline styles): a policy set here
    /// replaces the default one for this response only. It should be stricter elsewhere (no scripts, sandbox).
    /// </summary>
    public static void UsePolicy(HttpContext context, string policy) => context.Items[PolicyOverrideKey] = policy;

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Items.TryGetValue(PolicyOverrideKey, out var policy) && policy is string own ? own : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
