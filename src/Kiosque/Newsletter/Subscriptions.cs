using System.Net;
using Kiosque.Accounts;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kiosque.Newsletter;

public sealed record SignUpResult(string? EmailError)
{
    public bool Ok => EmailError is null;
}

public sealed record SubscriberExport(int Id, string Email, DateTimeOffset CreatedAt, DateTimeOffset? ConfirmedAt, DateTimeOffset? BouncedAt,
    string? BounceReason, IReadOnlyList<SubscriptionExport> Subscriptions, int MessagesSent);

public sealed record SubscriptionExport(string List, string Status, DateTimeOffset RequestedAt, string Source, DateTimeOffset? ConfirmedAt,
    DateTimeOffset? UnsubscribedAt);

/// <summary>
/// Everything about subscribers: sign-up with double opt-in, confirmation, preferences, unsubscribing, and the
/// GDPR export and erasure. Sign-up answers the same whether the address is known or not.
/// </summary>
public sealed class Subscriptions(KiosqueDb db, TimeProvider clock, NewsletterLinks links, EmailSender email,
    IOptions<NewsletterOptions> options, ILogger<Subscriptions> log, Webhooks.IWebhookEvents webhooks)
{
    public static string? NormalizeEmail(string? input)
    {
        var address = input?.Trim() ?? "";
        if (address.Length is 0 or > Subscriber.MaxEmail || !new EmailFieldAttribute().IsValid(address)) return null;
        if (!MailboxAddress.TryParse(address, out var parsed) || parsed.Address != address) return null;
        var at = address.LastIndexOf('@');
        if (at <= 0 || !address[(at + 1)..].Contains('.', StringComparison.Ordinal)) return null;
        return address.ToLowerInvariant();
    }

    /// <summary>What is wrong with the typed address, or null when it will do.</summary>
    public static string? EmailError(string? input) =>
        NormalizeEmail(input) is not null ? null : string.IsNullOrWhiteSpace(input) ? NewsletterText.EmailRequired : NewsletterText.EmailInvalid;

    public Task<List<NewsletterList>> OpenListsAsync(CancellationToken ct) =>
        db.NewsletterLists.AsNoTracking().Where(l => l.Open).OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);

    /// <summary>
    /// Records the request and mails a confirmation link (or, for lists the address already receives, a reminder with
    /// its preferences link). The caller shows the same page whatever happened after validation.
    /// </summary>
    public async Task<SignUpResult> SignUpAsync(string? emailInput, IReadOnlyCollection<int>? listIds, string? source, string baseUrl,
        CancellationToken ct)
    {
        var address = NormalizeEmail(emailInput);
        if (address is null) return new SignUpResult(EmailError(emailInput));
        var open = await OpenListsAsync(ct);
        var chosen = open.Where(l => listIds is { Count: > 0 } ? listIds.Contains(l.Id) : l == open.FirstOrDefault()).ToList();
        if (chosen.Count == 0) return new SignUpResult(null); // no list open: nothing to do, and nothing to say about the address

        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.NewsletterSubscribers.FirstOrDefaultAsync(s => s.Email == address, ct);
        if (subscriber is null)
        {
            subscriber = new Subscriber { Email = address, CreatedAt = now };
            db.NewsletterSubscribers.Add(subscriber);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same address signed up at the same moment elsewhere: carry on with that row.
                db.ChangeTracker.Clear();
                subscriber = await db.NewsletterSubscribers.FirstAsync(s => s.Email == address, ct);
            }
        }
        var existing = await db.NewsletterSubscriptions.Where(s => s.SubscriberId == subscriber.Id).ToListAsync(ct);
        var pending = false;
        foreach (var list in chosen)
        {
            var subscription = existing.FirstOrDefault(s => s.ListId == list.Id);
            if (subscription is { Status: SubscriptionStatus.Active } && subscriber.BouncedAt is null) continue;
            if (subscription is null)
            {
                subscription = new Subscription { SubscriberId = subscriber.Id, ListId = list.Id };
                db.NewsletterSubscriptions.Add(subscription);
            }
            subscription.Status = subscription.Status == SubscriptionStatus.Active ? SubscriptionStatus.Active : SubscriptionStatus.Pending;
            subscription.RequestedAt = now;
            subscription.Source = Truncate(source, 400);
            pending = true;
        }

        // At most one e-mail per address every few minutes: the form cannot be used to flood someone's inbox.
        var interval = TimeSpan.FromMinutes(options.Value.ConfirmationIntervalMinutes);
        var mayMail = subscriber.ConfirmationSentAt is not { } last || now - last >= interval;
        if (mayMail) subscriber.ConfirmationSentAt = now;
        await db.SaveChangesAsync(ct);
        if (!mayMail) return new SignUpResult(null);

        var names = chosen.Select(l => l.Name).ToList();
        var site = await SiteNameAsync(ct);
        var message = pending
            ? Confirmation(address, names, site, links.Url(baseUrl, LinkPurpose.Confirm, subscriber.Id))
            : AlreadySubscribed(address, names, site, links.Url(baseUrl, LinkPurpose.Manage, subscriber.Id));
        try
        {
            await email.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reader sees the same page; the request stays recorded and signing up again sends a new link.
            log.LogError(e, "The newsletter confirmation e-mail to subscriber {Id} could not be sent.", subscriber.Id);
            await db.NewsletterSubscribers.Where(s => s.Id == subscriber.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ConfirmationSentAt, (DateTime?)null), ct);
        }
        return new SignUpResult(null);
    }

    /// <summary>The site's name, so that the reader knows where the message comes from.</summary>
    public async Task<string> SiteNameAsync(CancellationToken ct) =>
        await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "Kiosque";

    static EmailMessage Confirmation(string to, IReadOnlyList<string> lists, string site, string url) => new(to, NewsletterText.ConfirmSubject(site),
        $"{NewsletterText.ConfirmMailIntro(lists, site)}\n\n{url}\n\n{NewsletterText.ConfirmMailIgnore}\n",
        $"<p>{WebUtility.HtmlEncode(NewsletterText.ConfirmMailIntro(lists, site))}</p><p><a href=\"{WebUtility.HtmlEncode(url)}\">{NewsletterText.ConfirmButton}</a></p>" +
        $"<p>{WebUtility.HtmlEncode(NewsletterText.ConfirmMailIgnore)}</p>");

    static EmailMessage AlreadySubscribed(string to, IReadOnlyList<string> lists, string site, string url) => new(to, NewsletterText.AlreadySubject(site),
        $"{NewsletterText.AlreadyMailIntro(lists, site)}\n\n{url}\n",
        $"<p>{WebUtility.HtmlEncode(NewsletterText.AlreadyMailIntro(lists, site))}</p><p><a href=\"{WebUtility.HtmlEncode(url)}\">{NewsletterText.PreferencesTitle}</a></p>");

    /// <summary>The name of a list, for the pages reached by a link that names one.</summary>
    public async Task<string?> ListNameAsync(int? listId, CancellationToken ct) =>
        listId is { } id ? await db.NewsletterLists.AsNoTracking().Where(l => l.Id == id).Select(l => l.Name).FirstOrDefaultAsync(ct) : null;

    /// <summary>The owner opened the confirmation link: every pending request becomes a subscription. Null when the subscriber is gone.</summary>
    public async Task<List<string>?> ConfirmAsync(int subscriberId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.NewsletterSubscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, ct);
        if (subscriber is null) return null;
        subscriber.ConfirmedAt ??= now;
        subscriber.BouncedAt = null;
        subscriber.BounceReason = null;
        var subscriptions = await db.NewsletterSubscriptions.Where(s => s.SubscriberId == subscriberId && s.Status != SubscriptionStatus.Unsubscribed).ToListAsync(ct);
        var confirmed = subscriptions.Where(s => s.Status == SubscriptionStatus.Pending).ToList();
        foreach (var s in confirmed)
        {
            s.Status = SubscriptionStatus.Active;
            s.ConfirmedAt = now;
            s.UnsubscribedAt = null;
            s.UnsubscribedFromEditionId = null;
        }
        await db.SaveChangesAsync(ct);
        var ids = subscriptions.Select(s => s.ListId).ToList();
        var names = await db.NewsletterLists.AsNoTracking().Where(l => ids.Contains(l.Id)).OrderBy(l => l.Position).Select(l => l.Name).ToListAsync(ct);
        // Integrators hear of new confirmations only (opening the link twice confirms nothing new).
        if (confirmed.Count > 0)
        {
            var newly = confirmed.Select(s => s.ListId).ToList();
            var lists = await db.NewsletterLists.AsNoTracking().Where(l => newly.Contains(l.Id)).OrderBy(l => l.Position)
                .Select(l => l.Name).ToListAsync(ct);
            await webhooks.RaiseAsync(Webhooks.WebhookEvents.SubscriberConfirmed, new { email = subscriber.Email, lists, confirmedAt = now }, ct);
        }
        return names;
    }

    public sealed record Preference(int ListId, string Name, string Description, bool Subscribed);

    public async Task<List<Preference>?> PreferencesAsync(int subscriberId, CancellationToken ct)
    {
        if (!await db.NewsletterSubscribers.AnyAsync(s => s.Id == subscriberId, ct)) return null;
        var active = await db.NewsletterSubscriptions.Where(s => s.SubscriberId == subscriberId && s.Status == SubscriptionStatus.Active)
            .Select(s => s.ListId).ToListAsync(ct);
        var lists = await db.NewsletterLists.AsNoTracking().Where(l => l.Open || active.Contains(l.Id)).OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
        return lists.Select(l => new Preference(l.Id, l.Name, l.Description, active.Contains(l.Id))).ToList();
    }

    /// <summary>Saves the lists ticked on the preferences page (reached through a signed link: the owner's choice).</summary>
    public async Task<bool> SavePreferencesAsync(int subscriberId, IReadOnlyCollection<int> wanted, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriber = await db.NewsletterSubscribers.FirstOrDefaultAsync(s => s.Id == subscriberId, ct);
        if (subscriber is null) return false;
        var offered = await db.NewsletterLists.Where(l => l.Open).Select(l => l.Id).ToListAsync(ct);
        var subscriptions = await db.NewsletterSubscriptions.Where(s => s.SubscriberId == subscriberId).ToListAsync(ct);
        foreach (var s in subscriptions.Where(s => s.Status != SubscriptionStatus.Unsubscribed && !wanted.Contains(s.ListId)))
            (s.Status, s.UnsubscribedAt) = (SubscriptionStatus.Unsubscribed, now);
        foreach (var listId in wanted.Where(offered.Contains))
        {
            var s = subscriptions.FirstOrDefault(x => x.ListId == listId);
            if (s is { Status: SubscriptionStatus.Active }) continue;
            if (s is null) db.NewsletterSubscriptions.Add(s = new Subscription { SubscriberId = subscriberId, ListId = listId });
            (s.Status, s.RequestedAt, s.ConfirmedAt, s.Source, s.UnsubscribedAt, s.UnsubscribedFromEditionId) =
                (SubscriptionStatus.Active, now, now, NewsletterLinks.PreferencesPath, null, null);
            subscriber.ConfirmedAt ??= now;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>From one list (a message's link or one-click header) or from all; true when the subscriber exists.</summary>
    public async Task<bool> UnsubscribeAsync(int subscriberId, int? listId, int? editionId, CancellationToken ct)
    {
        if (!await db.NewsletterSubscribers.AnyAsync(s => s.Id == subscriberId, ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.NewsletterSubscriptions
            .Where(s => s.SubscriberId == subscriberId && (listId == null || s.ListId == listId) && s.Status != SubscriptionStatus.Unsubscribed)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Unsubscribed).SetProperty(x => x.UnsubscribedAt, now)
                .SetProperty(x => x.UnsubscribedFromEditionId, editionId), ct);
        return true;
    }

    public async Task<SubscriberExport?> ExportAsync(int subscriberId, CancellationToken ct)
    {
        var s = await db.NewsletterSubscribers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == subscriberId, ct);
        if (s is null) return null;
        var subscriptions = await db.NewsletterSubscriptions.AsNoTracking().Where(x => x.SubscriberId == subscriberId)
            .Join(db.NewsletterLists, x => x.ListId, l => l.Id, (x, l) => new { x, l.Name }).ToListAsync(ct);
        var sent = await db.NewsletterDeliveries.CountAsync(d => d.SubscriberId == subscriberId && d.Status == DeliveryStatus.Sent, ct);
        return new SubscriberExport(s.Id, s.Email, Utc(s.CreatedAt), Utc(s.ConfirmedAt), Utc(s.BouncedAt), s.BounceReason,
            subscriptions.Select(x => new SubscriptionExport(x.Name, x.x.Status.ToString().ToLowerInvariant(), Utc(x.x.RequestedAt), x.x.Source,
                Utc(x.x.ConfirmedAt), Utc(x.x.UnsubscribedAt))).ToList(), sent);
    }

    /// <summary>GDPR erasure, in one transaction: the row, its subscriptions, unsent messages, and the address in past deliveries.</summary>
    public async Task<bool> EraseAsync(int subscriberId, Actor actor, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.NewsletterDeliveries.Where(d => d.SubscriberId == subscriberId && d.Status == DeliveryStatus.Pending).ExecuteDeleteAsync(ct);
        await db.NewsletterDeliveries.Where(d => d.SubscriberId == subscriberId)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Email, "").SetProperty(x => x.SubscriberId, (int?)null), ct);
        await db.NewsletterSubscriptions.Where(s => s.SubscriberId == subscriberId).ExecuteDeleteAsync(ct);
        var deleted = await db.NewsletterSubscribers.Where(s => s.Id == subscriberId).ExecuteDeleteAsync(ct);
        if (deleted == 0) return false;
        db.Record(actor, "erase", "subscriber", subscriberId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "Abonné(e) à la newsletter effacé(e) à sa demande", now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    static string Truncate(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];
    static DateTimeOffset Utc(DateTime d) => new(DateTime.SpecifyKind(d, DateTimeKind.Utc));
    static DateTimeOffset? Utc(DateTime? d) => d is { } v ? Utc(v) : null;
}
