using System.Diagnostics;
using System.Net.Sockets;
using Kiosque.Infrastructure;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kiosque.Newsletter;

/// <summary>
/// Sends the outbox. Each round: start the editions that are due, take the sender's turn (one instance at a time),
/// claim a batch of rows with a lease, send them over one SMTP connection at the configured pace, and mark each row
/// sent as soon as the server has accepted it. A crash leaves claimed rows to the next sender once the lease runs
/// out; only a message accepted by the server in the instant before the crash can be sent twice, and it carries the
/// same Message-Id both times (see docs/architecture.md).
/// </summary>
public sealed class NewsletterSender(IServiceScopeFactory scopes, IOptions<NewsletterOptions> options, IOptions<KiosqueOptions> kiosque,
    EmailSender email, NewsletterLinks links, TimeProvider clock, ILogger<NewsletterSender> log) : BackgroundService
{
    readonly string holder = Shorten($"{Environment.ProcessId}:{Guid.NewGuid():N}:{Environment.MachineName}", 80);
    readonly Dictionary<int, RenderedEdition> rendered = [];
    long batches;
    readonly Lock pace = new();
    DateTime nextSlot = DateTime.MinValue;

    static string Shorten(string s, int max) => s.Length <= max ? s : s[..max];

    TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, options.Value.LeaseSeconds));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SendInBackground) return;
        await Task.Yield();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var worked = false;
                try
                {
                    worked = await RoundAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Newsletter sending failed; the next round tries again.");
                }
                if (!worked) await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<NewsletterOutbox>().EndTurnAsync(holder, CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogDebug(e, "Could not hand the sender's turn back on shutdown; it ends with its lease.");
            }
        }
    }

    /// <summary>One round; true when it sent (or settled) something, so the next round comes at once.</summary>
    public async Task<bool> RoundAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<NewsletterOutbox>();
        await outbox.StartDueAsync(ct);
        if (!await outbox.TakeTurnAsync(holder, Lease, ct)) return false;
        var claim = $"{holder}:{++batches}";
        var rows = await outbox.ClaimAsync(claim, Math.Max(1, options.Value.BatchSize), Lease, ct);
        if (rows.Count == 0)
        {
            await outbox.CompleteAsync(ct);
            return false;
        }
        await SendBatchAsync(scope.ServiceProvider, outbox, claim, rows, ct);
        await outbox.CompleteAsync(ct);
        return true;
    }

    async Task SendBatchAsync(IServiceProvider services, NewsletterOutbox outbox, string claim, List<Delivery> rows, CancellationToken ct)
    {
        var renderer = services.GetRequiredService<EditionRenderer>();
        var work = new List<(Delivery Row, RenderedEdition Edition, MailboxAddress To)>(rows.Count);
        foreach (var group in rows.GroupBy(r => r.EditionId))
        {
            if (!rendered.TryGetValue(group.Key, out var edition))
            {
                edition = await renderer.RenderAsync(group.Key, kiosque.Value.PublicUrl, ct);
                if (edition is null) continue;
                if (rendered.Count > 20) rendered.Clear();
                rendered[group.Key] = edition;
            }
            var wanted = await outbox.StillSubscribedAsync(edition.ListId, group.Where(r => r.SubscriberId is not null).Select(r => r.SubscriberId!.Value), ct);
            foreach (var row in group)
            {
                if (row.SubscriberId is not { } subscriberId || !wanted.Contains(subscriberId))
                    await outbox.MarkAsync(row.Id, claim, DeliveryStatus.Skipped, "Plus abonné(e) au moment de l’envoi.", ct);
                else if (!MailboxAddress.TryParse(row.Email, out var to))
                    await outbox.MarkAsync(row.Id, claim, DeliveryStatus.Failed, $"Adresse invalide : {row.Email}", ct);
                else
                    work.Add((row, edition, to));
            }
        }
        if (work.Count == 0) return;
        // Each connection takes every n-th message, with its own database context; the pace is shared.
        var connections = Math.Clamp(options.Value.Connections, 1, 16);
        await Task.WhenAll(Enumerable.Range(0, Math.Min(connections, work.Count))
            .Select(i => SendOverOneConnectionAsync(claim, work.Where((_, index) => index % connections == i).ToList(), ct)));
    }

    async Task SendOverOneConnectionAsync(string claim, List<(Delivery Row, RenderedEdition Edition, MailboxAddress To)> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<NewsletterOutbox>();
        // One database connection for the whole share, rather than one open and close per row marked: on SQLite each
        // open registers EF's functions again, and the handles of the old ones wait for the finalizer.
        await scope.ServiceProvider.GetRequiredService<KiosqueDb>().Database.OpenConnectionAsync(ct);
        var watch = Stopwatch.StartNew();
        IMailChannel? transport = null;
        try
        {
            foreach (var (row, edition, to) in work)
            {
                if (watch.Elapsed > Lease / 2)
                {
                    // A slow server: keep the batch and the turn ours rather than let another sender take them.
                    await outbox.RenewAsync(claim, Lease, ct);
                    await outbox.TakeTurnAsync(holder, Lease, ct);
                    watch.Restart();
                }
                // Disposed once sent: a MimeMessage has a finalizer, so one left to the GC outlives two collections
                // with its whole body and reaches the oldest generation, which grows with the list (bench/RESULTS.md).
                using var message = Build(edition, row, to);
                if (transport is null)
                {
                    try
                    {
                        transport = await email.OpenAsync("newsletter", ct);
                        await outbox.SetEditionErrorAsync(edition.EditionId, null, ct);
                    }
                    catch (Exception e) when (IsConnectionProblem(e))
                    {
                        var error = $"Serveur SMTP injoignable : {e.Message}";
                        log.LogError(e, "Newsletter: cannot reach the SMTP server; {Count} message(s) wait for the next attempt.", work.Count);
                        await ReleaseAsync(outbox, claim, work.Select(w => w.Row), error, ct);
                        await outbox.SetEditionErrorAsync(edition.EditionId, error, ct);
                        return;
                    }
                }
                await ThrottleAsync(ct);
                try
                {
                    await transport.SendAsync(message, ct);
                }
                catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
                {
                    log.LogWarning("Newsletter: {Code} for delivery {Id}, address marked bounced: {Message}", (int)e.StatusCode, row.Id, e.Message);
                    await outbox.MarkBouncedAsync(row, claim, $"{(int)e.StatusCode} {e.Message}", ct);
                    continue;
                }
                catch (SmtpCommandException e)
                {
                    var attempts = row.Attempts + 1;
                    if (attempts >= options.Value.MaxAttempts)
                        await outbox.MarkAsync(row.Id, claim, DeliveryStatus.Failed, $"{(int)e.StatusCode} {e.Message}", ct);
                    else
                        await outbox.RetryLaterAsync(row.Id, claim, Backoff(attempts), $"{(int)e.StatusCode} {e.Message}", countAttempt: true, ct);
                    log.LogWarning("Newsletter: temporary refusal {Code} for delivery {Id} (attempt {Attempt}): {Message}", (int)e.StatusCode, row.Id, attempts, e.Message);
                    continue;
                }
                catch (Exception e) when (IsConnectionProblem(e))
                {
                    var error = $"Connexion SMTP interrompue : {e.Message}";
                    log.LogError(e, "Newsletter: the SMTP connection failed; the rest of the batch waits for the next attempt.");
                    // Rows already marked are no longer claimed: only the unsent ones go back.
                    await ReleaseAsync(outbox, claim, work.Select(w => w.Row), error, ct);
                    await outbox.SetEditionErrorAsync(edition.EditionId, error, ct);
                    return;
                }
                // Accepted: record it at once. Cancellation must not stop this write (the message is gone).
                await outbox.MarkSentAsync(row.Id, claim, CancellationToken.None);
            }
        }
        finally
        {
            if (transport is not null) await transport.DisposeAsync();
        }
    }

    static bool IsConnectionProblem(Exception e) =>
        e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException
            or System.Security.Authentication.AuthenticationException or MailKit.Security.AuthenticationException or MailKit.Security.SslHandshakeException
            or TimeoutException;

    /// <summary>Rows of the batch still claimed by it go back, for after a pause; the server was not reached, so no attempt counts.</summary>
    async Task ReleaseAsync(NewsletterOutbox outbox, string claim, IEnumerable<Delivery> rows, string error, CancellationToken ct)
    {
        var at = clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Max(1, options.Value.RetrySeconds));
        foreach (var row in rows)
            await outbox.RetryLaterAsync(row.Id, claim, at, error, countAttempt: false, ct);
    }

    DateTime Backoff(int attempts) =>
        clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Min(1800, Math.Max(1, options.Value.RetrySeconds) * Math.Pow(2, attempts - 1)));

    async Task ThrottleAsync(CancellationToken ct)
    {
        var rate = options.Value.MessagesPerSecond;
        if (rate <= 0) return;
        TimeSpan wait;
        lock (pace)
        {
            var now = DateTime.UtcNow;
            if (nextSlot < now) nextSlot = now;
            wait = nextSlot - now;
            nextSlot += TimeSpan.FromSeconds(1 / rate);
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
    }

    MimeMessage Build(RenderedEdition edition, Delivery row, MailboxAddress to)
    {
        var from = string.IsNullOrWhiteSpace(options.Value.From) ? email.DefaultFrom : MailboxAddress.Parse(options.Value.From);
        var baseUrl = edition.BaseUrl;
        var unsubscribe = links.Url(baseUrl, LinkPurpose.Unsubscribe, row.SubscriberId!.Value, edition.ListId, edition.EditionId);
        var preferences = links.Url(baseUrl, LinkPurpose.Manage, row.SubscriberId!.Value);
        var (html, text) = edition.For(unsubscribe, preferences);
        var domain = from.Domain is { Length: > 0 } d ? d : "kiosque.localhost";
        var message = new MimeMessage
        {
            Subject = edition.Subject,
            Date = clock.GetUtcNow(),
            // The same for every attempt: a receiver can tell a repeat (see the class summary) from a new message.
            MessageId = $"newsletter.{edition.EditionId}.{row.Id}@{domain}",
            Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(to);
        message.Headers.Add("List-Id", $"{edition.ListName} <{edition.ListSlug}.{domain}>");
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Kiosque-Delivery", $"{edition.EditionId}-{row.Id}");
        return message;
    }
}
