using System.Globalization;
using Kiosque.Infrastructure;
using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Kiosque.Newsletter.Pages;

/// <summary>
/// The sign-up page, and where every sign-up form posts (article pages and the home page too). No anti-forgery
/// token (the forms are on cached pages): a honeypot, a per-IP limit and double opt-in protect it instead, and the
/// answer is the same whether the address was known or not.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SignUpModel(SiteContext site, Subscriptions subscriptions, SignUpLimiter limiter, IOptions<KiosqueOptions> kiosque)
    : NewsletterPageModel(site)
{
    public bool Thanks { get; private set; }
    public SignUpFormView Form { get; private set; } = null!;

    public async Task OnGetAsync(bool merci, CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.Title, ct, personal: false, canonical: NewsletterPaths.SignUp);
        Thanks = merci;
        var lists = await subscriptions.OpenListsAsync(ct);
        Form = new SignUpFormView(NewsletterPaths.SignUp, lists, lists.Take(1).Select(l => l.Id).ToList(), null, null, Compact: false);
    }

    public async Task<IActionResult> OnPostAsync(string? email, int[]? listes, string? choix, string? source, string? website, CancellationToken ct)
    {
        // The lists were offered and the reader ticked none: that is not a request for the first one.
        var chose = choix == SignUpFormView.ListsShown;
        var origin = source is { Length: > 0 and <= 400 } s && s.StartsWith('/') && !s.StartsWith("//", StringComparison.Ordinal) ? s : NewsletterPaths.SignUp;
        if (await limiter.AcquireAsync(HttpContext.Connection.RemoteIpAddress?.ToString(), ct) is { } retry)
        {
            await ShowFormAsync(email, listes, chose, origin, NewsletterText.TooMany, null, ct);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = Math.Ceiling(retry.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Page();
        }
        // A robot filled the hidden field: it is told what a person would be told, and nothing is stored or sent.
        if (!string.IsNullOrEmpty(website)) return Redirect(NewsletterPaths.SignUp + "?merci=true");
        if (chose && listes is not { Length: > 0 })
        {
            await ShowFormAsync(email, listes, chose, origin, Subscriptions.EmailError(email), NewsletterText.ListsRequired, ct);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var result = await subscriptions.SignUpAsync(email, listes, origin, NewsletterApi.BaseUrl(HttpContext, kiosque.Value), ct);
        if (result.Ok) return Redirect(NewsletterPaths.SignUp + "?merci=true");
        await ShowFormAsync(email, listes, chose, origin, result.EmailError, null, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    async Task ShowFormAsync(string? email, int[]? listes, bool chose, string origin, string? error, string? listsError, CancellationToken ct)
    {
        await PrepareAsync(NewsletterText.Title, ct);
        var lists = await subscriptions.OpenListsAsync(ct);
        IReadOnlyCollection<int> ticked = chose || listes is { Length: > 0 } ? listes ?? [] : lists.Take(1).Select(l => l.Id).ToList();
        Form = new SignUpFormView(origin, lists, ticked, email?.Trim(), error, Compact: false, listsError);
    }
}
