using System.Globalization;
using System.Text;
using System.Text.Json;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Newsroom.Pages.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Newsletter.Pages.Newsroom;

/// <summary>Admins: find a subscriber, export what is held about them (GDPR access), erase them (GDPR erasure), export everyone as CSV.</summary>
public sealed class SubscribersModel(KiosqueDb db, Subscriptions subscriptions, TimeProvider clock) : PageModel
{
    TimeZoneInfo zone = TimeZoneInfo.Utc;
    public string When(DateTime utc) => ArticleEditor.Format(utc, zone);
    public string? Query { get; private set; }
    public IReadOnlyList<Subscriber> Found { get; private set; } = [];
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = q?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(Query)) { Query = null; return; }
        zone = await new ArticleEditor(db, clock).TimeZoneAsync(ct);
        Found = await db.NewsletterSubscribers.AsNoTracking().Where(s => s.Email.StartsWith(Query)).OrderBy(s => s.Email).Take(50).ToListAsync(ct);
    }

    /// <summary>One subscriber (id) as JSON or CSV; without id, every subscriber as CSV, streamed row by row.</summary>
    public async Task<IActionResult> OnGetExportAsync(int? id, string? format, CancellationToken ct)
    {
        var csv = !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase);
        Response.Headers.CacheControl = "no-store";
        if (id is { } one)
        {
            var export = await subscriptions.ExportAsync(one, ct);
            if (export is null) return NotFound();
            if (!csv)
                return File(JsonSerializer.SerializeToUtf8Bytes(export, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }),
                    "application/json", $"abonne-{one}.json");
            var text = new StringBuilder(Header);
            foreach (var s in export.Subscriptions.DefaultIfEmpty())
                text.Append(Line(export.Id, export.Email, export.CreatedAt.UtcDateTime, export.ConfirmedAt?.UtcDateTime, export.BouncedAt?.UtcDateTime,
                    s?.List, s?.Status, s?.RequestedAt.UtcDateTime, s?.Source, s?.ConfirmedAt?.UtcDateTime, s?.UnsubscribedAt?.UtcDateTime));
            return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"abonne-{one}.csv");
        }
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"abonnes.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false));
        await writer.WriteAsync(Header);
        var rows = db.NewsletterSubscriptions.AsNoTracking()
            .Join(db.NewsletterSubscribers, x => x.SubscriberId, s => s.Id, (x, s) => new { x, s })
            .Join(db.NewsletterLists, y => y.x.ListId, l => l.Id, (y, l) => new { y.x, y.s, l.Name })
            .OrderBy(y => y.s.Id).ThenBy(y => y.x.ListId).AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
            await writer.WriteAsync(Line(r.s.Id, r.s.Email, r.s.CreatedAt, r.s.ConfirmedAt, r.s.BouncedAt, r.Name, r.x.Status.ToString().ToLowerInvariant(),
                r.x.RequestedAt, r.x.Source, r.x.ConfirmedAt, r.x.UnsubscribedAt));
        return new EmptyResult();
    }

    /// <summary>Erasure cannot be undone: the row's confirmation box must be ticked. Back to the same search afterwards.</summary>
    public async Task<IActionResult> OnPostEraseAsync(int id, bool confirm, string? q, CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (actor is null) return Forbid();
        Notice = !confirm ? NewsletterNewsroomText.EraseNotConfirmed
            : await subscriptions.EraseAsync(id, actor, ct) ? NewsletterNewsroomText.Erased : NewsletterNewsroomText.NoSuchSubscriber;
        return RedirectToPage(new { q });
    }

    const string Header = "id,email,created_at,confirmed_at,bounced_at,newsletter,status,requested_at,source,subscription_confirmed_at,unsubscribed_at\n";

    static string Line(int id, string email, DateTime created, DateTime? confirmed, DateTime? bounced, string? list, string? status, DateTime? requested,
        string? source, DateTime? subscriptionConfirmed, DateTime? unsubscribed) =>
        string.Join(',', id.ToString(CultureInfo.InvariantCulture), Csv(email), Date(created), Date(confirmed), Date(bounced), Csv(list), Csv(status),
            Date(requested), Csv(source), Date(subscriptionConfirmed), Date(unsubscribed)) + "\n";

    static string Date(DateTime? d) => d?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quoted when needed; a leading = + - @ is neutralised so that a spreadsheet never runs it as a formula.</summary>
    static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
