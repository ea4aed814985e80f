using System.Globalization;
using Kiosque.Accounts;
using Kiosque.Content;
using Kiosque.Infrastructure;
using Kiosque.ScaleOut;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Comments;

/// <summary>What readers type; bound from the form, never an entity.</summary>
public sealed class CommentInput
{
    public int ArticleId { get; set; }
    public int? ParentId { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Body { get; set; }
    /// <summary>The honeypot: hidden from people, filled in by robots that fill every field.</summary>
    public string? Website { get; set; }
    public string? Stamp { get; set; }
    public bool Notify { get; set; }
}

public enum CommentsState { Open, Closed, Suspended }

/// <summary>A public article's comment state, as the reader area and the form need it.</summary>
public sealed record CommentArticle(int Id, string Path, string Headline, CommentsState State, bool ShowExisting, SiteSettings Settings);

public enum SubmitOutcome { Published, Held, AwaitingConfirmation, Dropped, Invalid, RateLimited, Unavailable }

public sealed record SubmitResult(SubmitOutcome Outcome, IReadOnlyDictionary<string, string> Errors, TimeSpan RetryAfter = default)
{
    public static SubmitResult Of(SubmitOutcome outcome) => new(outcome, new Dictionary<string, string>());
}

/// <summary>Per-e-mail limits, in the shared counters; the per-IP limit is <see cref="CommentRateLimitAttribute"/> on the form's pages.</summary>
public sealed class CommentEmailLimiter(IRateLimitCounter counter, CommentTokens tokens, IOptions<CommentsOptions> options)
{
    /// <summary>Zero when allowed; otherwise how long to wait.</summary>
    public Task<TimeSpan> TryAcquireAsync(string email, CancellationToken ct) =>
        // Keyed by a keyed hash: addresses never sit in Redis in clear.
        counter.HitAsync("comments:email:" + tokens.IpHash(email), options.Value.PerEmailLimit,
            TimeSpan.FromSeconds(options.Value.PerEmailWindowSeconds), ct);
}

/// <summary>Reader-side writes: posting a comment through the spam checks, reporting one, confirming an address.</summary>
public sealed class CommentSubmission(KiosqueDb db, TimeProvider clock, CommentTokens tokens, CommentEmailLimiter emailLimiter,
    CommentNotifications notifications, IOptions<CommentsOptions> options, ILogger<CommentSubmission> log,
    Webhooks.IWebhookEvents webhooks)
{
    static readonly CompareInfo French = CultureInfo.GetCultureInfo("fr-FR").CompareInfo;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static CommentsState StateOf(SiteSettings settings, bool commentsEnabled, DateTime publishedAt, DateTime now)
    {
        if (settings.CommentsSuspended) return CommentsState.Suspended;
        if (!commentsEnabled) return CommentsState.Closed;
        if (settings.CommentsCloseAfterDays > 0 && publishedAt.AddDays(settings.CommentsCloseAfterDays) <= now) return CommentsState.Closed;
        return CommentsState.Open;
    }

    public async Task<CommentArticle?> ArticleAsync(int articleId, CancellationToken ct)
    {
        var now = Now;
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId && a.Status == ArticleStatus.Published && a.PublishedAt != null && a.PublishedAt <= now)
            .Select(a => new { a.Id, a.Headline, a.Slug, Section = a.Section.Slug, a.CommentsEnabled, a.PublishedAt })
            .FirstOrDefaultAsync(ct);
        if (article is null) return null;
        var settings = await db.SiteSettings.AsNoTracking().Where(s => s.Id == SiteSettings.SingletonId).FirstOrDefaultAsync(ct) ?? new SiteSettings();
        var state = StateOf(settings, article.CommentsEnabled, article.PublishedAt!.Value, now);
        return new CommentArticle(article.Id, $"/{article.Section}/{article.Slug}", article.Headline, state,
            state != CommentsState.Suspended || settings.CommentsShowWhenSuspended, settings);
    }

    /// <summary>Field errors keyed by the input's property name; the typed text itself is never altered.</summary>
    public static Dictionary<string, string> Validate(CommentInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors[nameof(CommentInput.Name)] = CommentText.NameRequired;
        else if (name.Length > Comment.MaxName) errors[nameof(CommentInput.Name)] = CommentText.NameTooLong;
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0) errors[nameof(CommentInput.Email)] = CommentText.EmailRequired;
        else if (email.Length > Comment.MaxEmail || !new EmailFieldAttribute().IsValid(email) || !email.Contains('.', StringComparison.Ordinal))
            errors[nameof(CommentInput.Email)] = CommentText.EmailInvalid;
        var body = input.Body?.Trim() ?? "";
        if (body.Length == 0) errors[nameof(CommentInput.Body)] = CommentText.BodyRequired;
        else if (body.Length > Comment.MaxBody) errors[nameof(CommentInput.Body)] = CommentText.BodyTooLong(body.Length);
        return errors;
    }

    public async Task<SubmitResult> SubmitAsync(CommentInput input, string? ip, string baseUrl, CancellationToken ct)
    {
        var article = await ArticleAsync(input.ArticleId, ct);
        if (article is null || article.State != CommentsState.Open) return SubmitResult.Of(SubmitOutcome.Unavailable);
        var settings = article.Settings;

        // A robot that filled the hidden field is told nothing useful: it looks like success, nothing is stored.
        if (!string.IsNullOrEmpty(input.Website)) return SubmitResult.Of(SubmitOutcome.Dropped);

        var errors = Validate(input);
        if (errors.Count > 0) return new SubmitResult(SubmitOutcome.Invalid, errors);

        var served = tokens.ReadStamp(input.Stamp, article.Id);
        var age = clock.GetUtcNow() - served;
        if (served is null || age > TimeSpan.FromHours(options.Value.MaxFormAgeHours))
            return Invalid("", CommentText.Expired);
        if (age < TimeSpan.FromSeconds(options.Value.MinSecondsToSubmit))
            return Invalid("", CommentText.TooFast);

        var email = input.Email!.Trim().ToLowerInvariant();
        var retry = await emailLimiter.TryAcquireAsync(email, ct);
        if (retry > TimeSpan.Zero) return new SubmitResult(SubmitOutcome.RateLimited, new Dictionary<string, string>(), retry);

        var body = input.Body!.Trim();
        var links = CommentFormatting.Links(body).ToList();
        if (links.Count > settings.CommentsMaxLinks) return Invalid(nameof(CommentInput.Body), CommentText.TooManyLinks(settings.CommentsMaxLinks));
        var bannedDomains = Lines(settings.CommentsBannedDomains).Select(d => d.TrimStart('.').ToLowerInvariant()).ToList();
        if (links.Any(l => bannedDomains.Any(d => l.Host == d || l.Host.EndsWith("." + d, StringComparison.Ordinal))))
            return Invalid(nameof(CommentInput.Body), CommentText.BannedDomain);

        int? parentId = null;
        if (input.ParentId is { } requested)
        {
            // Replies stay one level deep: answering a reply answers its top-level comment.
            var parent = await db.Comments.AsNoTracking()
                .Where(c => c.Id == requested && c.ArticleId == article.Id && c.Status == CommentStatus.Approved)
                .Select(c => new { c.Id, c.ParentId }).FirstOrDefaultAsync(ct);
            if (parent is null) return Invalid("", CommentText.NotFound);
            parentId = parent.ParentId ?? parent.Id;
        }

        var now = Now;
        var ipHash = tokens.IpHash(ip);
        var since = now.AddDays(-1);
        if (await db.Comments.AnyAsync(c => c.ArticleId == article.Id && c.Body == body && c.CreatedAt > since
                                             && (c.AuthorEmail == email || c.IpHash == ipHash), ct))
            return Invalid(nameof(CommentInput.Body), CommentText.Duplicate);

        var knownAddress = await db.Comments.AnyAsync(c => c.AuthorEmail == email && c.Status == CommentStatus.Approved, ct);
        var confirmedAddress = knownAddress || await db.Comments.AnyAsync(c => c.AuthorEmail == email
            && c.Status != CommentStatus.Unconfirmed && c.Status != CommentStatus.Spam, ct);
        var (status, reason) = Decide(settings, body, knownAddress);
        if (settings.CommentsConfirmFirstByEmail && !confirmedAddress)
        {
            reason = status == CommentStatus.Pending ? reason : null;
            status = CommentStatus.Unconfirmed;
        }

        var comment = new Comment
        {
            ArticleId = article.Id,
            ParentId = parentId,
            AuthorName = input.Name!.Trim(),
            AuthorEmail = email,
            Body = body,
            Status = status,
            HeldReason = reason,
            CreatedAt = now,
            IpHash = ipHash,
            NotifyOnReply = input.Notify && settings.CommentsNotifyOnReply,
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(ct);
        if (status != CommentStatus.Unconfirmed) await RaiseCreatedAsync(comment, article.Path, ct);

        if (status == CommentStatus.Unconfirmed)
        {
            await notifications.SendConfirmationAsync(comment, article, baseUrl, ct);
            return SubmitResult.Of(SubmitOutcome.AwaitingConfirmation);
        }
        if (status == CommentStatus.Approved)
        {
            await notifications.ReplyApprovedAsync(comment.Id, baseUrl, ct);
            return SubmitResult.Of(SubmitOutcome.Published);
        }
        log.LogInformation("Comment {Id} on article {Article} held: {Reason}", comment.Id, article.Id, reason);
        return SubmitResult.Of(SubmitOutcome.Held);
    }

    /// <summary>
    /// comment.created, once the comment exists for the newsroom (confirmed by its author when that is asked for);
    /// its status says whether readers see it yet. The commenter's address stays here.
    /// </summary>
    async Task RaiseCreatedAsync(Comment comment, string articlePath, CancellationToken ct)
    {
        try
        {
            await webhooks.RaiseAsync(Webhooks.WebhookEvents.CommentCreated, new
            {
                comment = new
                {
                    id = comment.Id, articleId = comment.ArticleId, parentId = comment.ParentId, authorName = comment.AuthorName,
                    body = comment.Body, status = comment.Status, createdAt = new DateTimeOffset(DateTime.SpecifyKind(comment.CreatedAt, DateTimeKind.Utc)),
                },
                article = new { id = comment.ArticleId, path = articlePath },
            }, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The comment is saved: a webhook that could not be queued is logged, never the reader's error.
            log.LogError(e, "Could not queue comment.created for comment {Id}.", comment.Id);
        }
    }

    /// <summary>Pre-moderation holds everything; post-moderation holds banned words and, by setting, first comments.</summary>
    static (CommentStatus, string?) Decide(SiteSettings settings, string body, bool knownAddress)
    {
        var banned = Lines(settings.CommentsBannedWords)
            .FirstOrDefault(w => French.IndexOf(body, w, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0);
        if (banned is not null) return (CommentStatus.Pending, $"mot interdit : {banned}");
        if (settings.CommentModeration == CommentModeration.Pre) return (CommentStatus.Pending, "pré-modération");
        if (settings.CommentsHoldFirstTime && !knownAddress) return (CommentStatus.Pending, "premier commentaire");
        return (CommentStatus.Approved, null);
    }

    static SubmitResult Invalid(string field, string message) =>
        new(SubmitOutcome.Invalid, new Dictionary<string, string> { [field] = message });

    public static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.Length > 0);

    /// <summary>A report raises the comment in the queue; a published one stays visible until an editor decides.</summary>
    public async Task<string?> ReportAsync(int commentId, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.Status == CommentStatus.Approved, ct);
        if (comment is null) return null;
        comment.Reports++;
        await db.SaveChangesAsync(ct);
        return await db.Articles.Where(a => a.Id == comment.ArticleId).Select(a => "/" + a.Section.Slug + "/" + a.Slug).FirstAsync(ct);
    }

    /// <summary>The commenter opened the link: the comment joins the queue, or appears in post-moderation.</summary>
    public async Task<string?> ConfirmAsync(int commentId, string baseUrl, CancellationToken ct)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId, ct);
        if (comment is null) return null;
        var article = await ArticleAsync(comment.ArticleId, ct);
        if (article is null) return null;
        if (comment.Status == CommentStatus.Unconfirmed)
        {
            var knownAddress = await db.Comments.AnyAsync(c => c.AuthorEmail == comment.AuthorEmail && c.Status == CommentStatus.Approved, ct);
            var (status, reason) = Decide(article.Settings, comment.Body, knownAddress);
            comment.Status = status;
            comment.HeldReason = reason;
            await db.SaveChangesAsync(ct);
            await RaiseCreatedAsync(comment, article.Path, ct);
            if (status == CommentStatus.Approved) await notifications.ReplyApprovedAsync(comment.Id, baseUrl, ct);
        }
        return article.Path;
    }

    public async Task<bool> UnsubscribeAsync(int commentId, CancellationToken ct) =>
        await db.Comments.Where(c => c.Id == commentId).ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifyOnReply, false), ct) > 0;
}
