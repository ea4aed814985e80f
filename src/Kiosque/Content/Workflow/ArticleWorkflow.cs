using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Content.Workflow;

public enum WorkflowOutcome { Done, Invalid, NotFound, Forbidden, Conflict }

public sealed record SavedArticle(int Id, string Slug, string Path, ArticleStatus Status, int Version);

/// <summary>What a workflow write did: done (with the saved article), or why nothing was written.</summary>
public sealed record WorkflowResult(
    WorkflowOutcome Outcome, SavedArticle? Article = null, string? Message = null, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public bool Succeeded => Outcome == WorkflowOutcome.Done;

    public static WorkflowResult NotFound(int id) => new(WorkflowOutcome.NotFound, Message: $"No article {id}.");
    public static WorkflowResult Forbidden(string message) => new(WorkflowOutcome.Forbidden, Message: message);
    public static WorkflowResult Conflict(string message) => new(WorkflowOutcome.Conflict, Message: message);
    public static WorkflowResult Invalid(string field, string message) =>
        new(WorkflowOutcome.Invalid, Message: "One or more fields are invalid.", Errors: new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });
}

/// <summary>A status (null: the current one) and date asked for together with a save: the API's `status` and `publishedAt`.</summary>
public sealed record StatusChange(ArticleStatus? Status, DateTime? PublishedAt);

/// <summary>
/// The one place that writes articles, for the API and the newsroom alike: who may do what, the status
/// transitions, optimistic concurrency on <see cref="Article.Version"/>, a revision and audit entries with every
/// save (one transaction), redirects for moved paths, and domain events once the transaction has committed.
/// </summary>
public sealed class ArticleWorkflow(KiosqueDb db, HtmlSanitizing html, TimeProvider clock, ArticleEventDispatcher dispatcher)
{
    const string EntityType = "article";

    /// <summary>draft → in review → scheduled or published → unpublished, and back to draft; "publish now" from scheduled.</summary>
    static readonly Dictionary<ArticleStatus, ArticleStatus[]> Transitions = new()
    {
        [ArticleStatus.Draft] = [ArticleStatus.InReview, ArticleStatus.Scheduled, ArticleStatus.Published],
        [ArticleStatus.InReview] = [ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Published],
        [ArticleStatus.Scheduled] = [ArticleStatus.Draft, ArticleStatus.Published],
        [ArticleStatus.Published] = [ArticleStatus.Unpublished],
        [ArticleStatus.Unpublished] = [ArticleStatus.Draft, ArticleStatus.Scheduled, ArticleStatus.Published],
    };

    readonly List<ArticleEvent> pending = [];
    /// <summary>Inside <see cref="InOneTransactionAsync{T}"/>: the caller's transaction, events held until it commits.</summary>
    bool batching;

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static bool CanTransition(ArticleStatus from, ArticleStatus to) => Transitions[from].Contains(to);

    /// <summary>Null when the actor may edit the article's content, else why not.</summary>
    public static string? WhyCannotEdit(Actor actor, Article article)
    {
        if (actor.CanPublish) return null;
        if (article.CreatedBy != actor.Id) return "Contributors can only change their own articles.";
        if (article.Status != ArticleStatus.Draft)
            return $"Contributors can only change drafts; this article is {StatusName(article.Status)}.";
        return null;
    }

    public async Task<WorkflowResult> CreateAsync(ArticleInput input, Actor actor, StatusChange? status, CancellationToken ct)
    {
        var now = Now;
        var article = new Article { CreatedAt = now, CreatedBy = actor.Id, Status = ArticleStatus.Draft, Version = 1 };
        if (await ApplyAsync(input, article, now, ct) is { } rejected) return rejected;
        var audit = new List<(string Action, string Summary)> { ("article.created", article.Headline) };
        if (status is not null && ChangeStatus(article, status, actor, now, audit, isNew: true) is { } refused) return refused;

        // The audit entry names the new id, which exists only once the row is inserted: two saves, one transaction.
        await using (var transaction = batching ? null : await BeginAsync(ct))
        {
            try
            {
                db.Articles.Add(article);
                if (await TrySaveAsync(ct) is { } failed) return failed;
                AddRevision(article, actor, RevisionKind.Created, null, 1, now);
                foreach (var (action, summary) in audit) db.Record(actor, action, EntityType, Id(article), summary, now);
                if (await TrySaveAsync(ct) is { } failedAgain) return failedAgain;
                if (transaction is not null) await transaction.CommitAsync(ct);
            }
            finally
            {
                if (transaction is not null) db.Database.AutoSavepointsEnabled = true;
            }
        }
        pending.Insert(0, new ArticleChanged(article.Id, article.Path, actor, now, null));
        return await CommittedAsync(article, ct);
    }

    /// <summary>
    /// Saves new content. With <paramref name="expectedVersion"/> (what the editor loaded) a newer stored version
    /// is a conflict and nothing is written; without it the save still cannot overwrite a save that commits
    /// between this one's read and write.
    /// </summary>
    public Task<WorkflowResult> UpdateAsync(int id, ArticleInput input, int? expectedVersion, StatusChange? status, Actor actor, CancellationToken ct) =>
        SaveAsync(id, _ => Task.FromResult<ArticleInput?>(input), expectedVersion, status, actor, RevisionKind.Edited, null, ct);

    /// <summary>Saves a revision's content again as a new revision; the status does not change.</summary>
    public Task<WorkflowResult> RestoreAsync(int id, int number, int? expectedVersion, Actor actor, CancellationToken ct) =>
        SaveAsync(id, async a =>
        {
            var snapshot = await db.ArticleRevisions.AsNoTracking()
                .Where(r => r.ArticleId == a.Id && r.Number == number).Select(r => r.Snapshot).SingleOrDefaultAsync(ct);
            return snapshot is null ? null : ArticleSnapshot.Deserialize(snapshot);
        }, expectedVersion, null, actor, RevisionKind.Restored, number, ct);

    async Task<WorkflowResult> SaveAsync(int id, Func<Article, Task<ArticleInput?>> content, int? expectedVersion, StatusChange? status,
        Actor actor, RevisionKind kind, int? restoredFrom, CancellationToken ct)
    {
        var article = await LoadAsync(id, ct);
        if (article is null) return WorkflowResult.NotFound(id);
        if (WhyCannotEdit(actor, article) is { } why) return WorkflowResult.Forbidden(why);
        if (Stale(article, expectedVersion) is { } stale) return stale;
        var input = await content(article);
        if (input is null) return new(WorkflowOutcome.NotFound, Message: $"Article {id} has no revision {restoredFrom}.");

        var now = Now;
        var oldPath = article.Path;
        var wasPublic = article.WasEverPublic(now);
        var lastRevision = await db.ArticleRevisions.Where(r => r.ArticleId == id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        // Articles saved before revisions existed: keep what they were, so the first edit can be diffed and undone.
        if (lastRevision == 0) AddRevision(article, new Actor(article.CreatedBy ?? "", "", ActorRole.Contributor), RevisionKind.Baseline, null, ++lastRevision, article.UpdatedAt);

        if (await ApplyAsync(input, article, now, ct) is { } rejected) return rejected;
        var audit = new List<(string Action, string Summary)>
        {
            kind == RevisionKind.Restored ? ("article.restored", $"{article.Headline} (revision {restoredFrom})") : ("article.updated", article.Headline),
        };
        if (status is not null && ChangeStatus(article, status, actor, now, audit, isNew: false) is { } refused) return refused;

        if (wasPublic && article.Path != oldPath)
        {
            var existing = await db.ArticleRedirects.SingleOrDefaultAsync(r => r.Path == oldPath, ct);
            if (existing is null) db.ArticleRedirects.Add(new ArticleRedirect { Path = oldPath, ArticleId = article.Id });
            else existing.ArticleId = article.Id;
        }
        article.Version++;
        AddRevision(article, actor, kind, restoredFrom, lastRevision + 1, now);
        foreach (var (action, summary) in audit) db.Record(actor, action, EntityType, Id(article), summary, now);
        if (await TrySaveAsync(ct) is { } failed) return failed;
        pending.Insert(0, new ArticleChanged(article.Id, article.Path, actor, now, oldPath == article.Path ? null : oldPath));
        return await CommittedAsync(article, ct);
    }

    public Task<WorkflowResult> SubmitAsync(int id, int? expectedVersion, Actor actor, CancellationToken ct) =>
        TransitionAsync(id, new StatusChange(ArticleStatus.InReview, null), expectedVersion, actor, ct);

    /// <summary>Publishes now; an article that was live before keeps its publication date.</summary>
    public Task<WorkflowResult> PublishAsync(int id, int? expectedVersion, Actor actor, CancellationToken ct) =>
        TransitionAsync(id, new StatusChange(ArticleStatus.Published, null), expectedVersion, actor, ct);

    public Task<WorkflowResult> ScheduleAsync(int id, DateTime publishAt, int? expectedVersion, Actor actor, CancellationToken ct) =>
        TransitionAsync(id, new StatusChange(ArticleStatus.Scheduled, publishAt), expectedVersion, actor, ct);

    public Task<WorkflowResult> UnpublishAsync(int id, int? expectedVersion, Actor actor, CancellationToken ct) =>
        TransitionAsync(id, new StatusChange(ArticleStatus.Unpublished, null), expectedVersion, actor, ct);

    public Task<WorkflowResult> ReturnToDraftAsync(int id, int? expectedVersion, Actor actor, CancellationToken ct) =>
        TransitionAsync(id, new StatusChange(ArticleStatus.Draft, null), expectedVersion, actor, ct);

    async Task<WorkflowResult> TransitionAsync(int id, StatusChange change, int? expectedVersion, Actor actor, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Section).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return WorkflowResult.NotFound(id);
        if (Stale(article, expectedVersion) is { } stale) return stale;
        var now = Now;
        var audit = new List<(string Action, string Summary)>();
        if (!actor.CanPublish && (change.Status != ArticleStatus.InReview || article.CreatedBy != actor.Id))
            return WorkflowResult.Forbidden("Contributors can only submit their own drafts for review; an editor does the rest.");
        if (change.Status == article.Status && change.Status != ArticleStatus.Scheduled)
            return WorkflowResult.Conflict($"The article is already {StatusName(article.Status)}.");
        if (ChangeStatus(article, change, actor, now, audit, isNew: false) is { } refused) return refused;
        article.Version++;
        article.UpdatedAt = now;
        foreach (var (action, summary) in audit) db.Record(actor, action, EntityType, Id(article), summary, now);
        if (await TrySaveAsync(ct) is { } failed) return failed;
        return await CommittedAsync(article, ct);
    }

    /// <summary>Editors and admins: the article goes, its paths answer 410 Gone.</summary>
    public async Task<WorkflowResult> DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Section).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return WorkflowResult.NotFound(id);
        if (!actor.CanPublish) return WorkflowResult.Forbidden("Only editors and admins delete articles.");
        var now = Now;
        var paths = await db.ArticleRedirects.Where(r => r.ArticleId == id).Select(r => r.Path).ToListAsync(ct);
        paths.Add(article.Path);
        var alreadyRetired = await db.RetiredPaths.Where(r => paths.Contains(r.Path)).Select(r => r.Path).ToListAsync(ct);
        foreach (var path in paths.Except(alreadyRetired, StringComparer.Ordinal))
            db.RetiredPaths.Add(new RetiredPath { Path = path, RetiredAt = now });
        db.Articles.Remove(article);
        db.Record(actor, "article.deleted", EntityType, Id(article), article.Headline, now);
        if (await TrySaveAsync(ct) is { } failed) return failed;
        pending.Add(new ArticleDeleted(id, article.Path, actor, now));
        var result = new WorkflowResult(WorkflowOutcome.Done, new SavedArticle(id, article.Slug, article.Path, article.Status, article.Version));
        await RaisePendingAsync(ct);
        return result;
    }

    /// <summary>Editors and admins: a dated note readers see under the article ("Mis à jour le … : text").</summary>
    public async Task<WorkflowResult> AddCorrectionAsync(int id, string text, int? expectedVersion, Actor actor, CancellationToken ct)
    {
        var article = await db.Articles.Include(a => a.Section).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (article is null) return WorkflowResult.NotFound(id);
        if (!actor.CanPublish) return WorkflowResult.Forbidden("Only editors and admins add correction notes.");
        if (Stale(article, expectedVersion) is { } stale) return stale;
        text = text.Trim();
        if (text.Length is 0 or > 2000) return WorkflowResult.Invalid("text", "Between 1 and 2000 characters.");
        var now = Now;
        db.ArticleCorrections.Add(new ArticleCorrection { ArticleId = id, At = now, Text = text });
        article.UpdatedAt = now;
        article.Version++;
        db.Record(actor, "article.corrected", EntityType, Id(article), text, now);
        if (await TrySaveAsync(ct) is { } failed) return failed;
        pending.Add(new ArticleChanged(id, article.Path, actor, now, null));
        return await CommittedAsync(article, ct);
    }

    /// <summary>
    /// Applies a requested status to an article being saved; null when allowed (audit lines and events queued),
    /// else the refusal. Publishing with a future date schedules: only the scheduler makes a piece go live later,
    /// so that its events fire when it does.
    /// </summary>
    WorkflowResult? ChangeStatus(Article article, StatusChange change, Actor actor, DateTime now,
        List<(string Action, string Summary)> audit, bool isNew)
    {
        var from = article.Status;
        var (to, at) = (change.Status ?? from, change.PublishedAt);
        if (to == ArticleStatus.Published && at > now) to = ArticleStatus.Scheduled;
        if (!actor.CanPublish)
        {
            if (at is not null) return WorkflowResult.Forbidden("Only editors and admins set publication dates.");
            if (to == from) return null;
            if (to != ArticleStatus.InReview) return WorkflowResult.Forbidden("Contributors can only save drafts and submit them for review; an editor publishes.");
            if (!isNew && article.CreatedBy != actor.Id) return WorkflowResult.Forbidden("Contributors can only submit their own drafts.");
        }
        if (to == from)
        {
            // Same status: an editor may still move the date of a scheduled or published piece.
            if (at is null || at == article.PublishedAt) return null;
            if (to == ArticleStatus.Scheduled && at <= now) return WorkflowResult.Invalid("publishedAt", "A scheduled article needs a publishedAt in the future.");
            if (to is ArticleStatus.Scheduled or ArticleStatus.Published) article.PublishedAt = at;
            if (to == ArticleStatus.Scheduled) audit.Add(("article.scheduled", $"{article.Headline} ({at:yyyy-MM-dd HH:mm} UTC)"));
            return null;
        }
        if (!CanTransition(from, to))
            return WorkflowResult.Conflict($"A {StatusName(from)} article cannot become {StatusName(to)}.");

        switch (to)
        {
            case ArticleStatus.InReview:
                audit.Add(("article.submitted", article.Headline));
                break;
            case ArticleStatus.Scheduled:
                if (at is null || at <= now) return WorkflowResult.Invalid("publishedAt", "A scheduled article needs a publishedAt in the future.");
                article.PublishedAt = at;
                audit.Add(("article.scheduled", $"{article.Headline} ({at:yyyy-MM-dd HH:mm} UTC)"));
                break;
            case ArticleStatus.Published:
                article.PublishedAt = at ?? (article.PublishedAt <= now ? article.PublishedAt : now);
                article.FirstPublishedAt ??= article.PublishedAt;
                audit.Add(("article.published", article.Headline));
                pending.Add(new ArticlePublished(article.Id, article.Path, actor, now));
                break;
            case ArticleStatus.Unpublished:
                audit.Add(("article.unpublished", article.Headline));
                pending.Add(new ArticleUnpublished(article.Id, article.Path, actor, now));
                break;
            case ArticleStatus.Draft:
                audit.Add(("article.returned-to-draft", article.Headline));
                break;
        }
        article.Status = to;
        return null;
    }

    static WorkflowResult? Stale(Article article, int? expectedVersion) =>
        expectedVersion is { } expected && expected != article.Version
            ? WorkflowResult.Conflict($"The article changed since version {expected} (it is now at version {article.Version}); nothing was saved. Reload it and apply your changes again.")
            : null;

    async Task<WorkflowResult?> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            pending.Clear();
            return WorkflowResult.Conflict("Someone else saved this article meanwhile; nothing was overwritten. Reload it and apply your changes again.");
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            pending.Clear();
            return WorkflowResult.Conflict("Another write took this slug or path first; nothing was saved.");
        }
    }

    async Task<WorkflowResult> CommittedAsync(Article article, CancellationToken ct)
    {
        var result = new WorkflowResult(WorkflowOutcome.Done, new SavedArticle(article.Id, article.Slug, article.Path, article.Status, article.Version));
        // Events queued before the id existed (a new article) carry 0: they name the committed article now.
        for (var i = 0; i < pending.Count; i++)
            if (pending[i].ArticleId == 0) pending[i] = pending[i] with { ArticleId = article.Id, Path = article.Path };
        await RaisePendingAsync(ct);
        return result;
    }

    /// <summary>
    /// Runs several writes (the workflow's and the caller's own, on the same context) in one transaction: it commits
    /// only when <paramref name="work"/> says so, and only then are the workflow's events raised. A feature that
    /// writes an article together with rows of its own (a wire item) uses it so that a failure leaves nothing behind.
    /// </summary>
    public async Task<T> InOneTransactionAsync<T>(Func<Task<(T Result, bool Commit)>> work, CancellationToken ct)
    {
        if (batching) throw new InvalidOperationException("Transactions do not nest.");
        await using var transaction = await BeginAsync(ct);
        batching = true;
        try
        {
            var (result, commit) = await work();
            if (!commit)
            {
                pending.Clear();
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return result;
            }
            await transaction.CommitAsync(ct);
            batching = false;
            await RaisePendingAsync(ct);
            return result;
        }
        catch
        {
            pending.Clear();
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            batching = false;
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    /// <summary>
    /// A transaction for the workflow's saves, without EF's automatic savepoints: those let a failed save leave the
    /// transaction usable, but a failed save here rolls the whole transaction back, so each save's SAVEPOINT and
    /// RELEASE would be two statements for nothing. The caller turns them back on when the transaction ends.
    /// </summary>
    async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Database.AutoSavepointsEnabled = false;
        return transaction;
    }

    async Task RaisePendingAsync(CancellationToken ct)
    {
        if (batching) return;
        var events = pending.ToList();
        pending.Clear();
        await dispatcher.RaiseAsync(events, ct);
    }

    static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode is 2067 or 1555,
        Npgsql.PostgresException p => p.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    void AddRevision(Article article, Actor actor, RevisionKind kind, int? restoredFrom, int number, DateTime at) =>
        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = article.Id,
            Number = number,
            CreatedAt = at,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Kind = kind,
            RestoredFrom = restoredFrom,
            Snapshot = ArticleSnapshot.Serialize(ArticleSnapshot.Of(article)),
        });

    Task<Article?> LoadAsync(int id, CancellationToken ct) => db.Articles
        .Include(a => a.Section).Include(a => a.Dossier).Include(a => a.LeadImage)
        .Include(a => a.Authors).ThenInclude(x => x.Author)
        .Include(a => a.Tags)
        .Include(a => a.Related)
        .SingleOrDefaultAsync(a => a.Id == id, ct);

    static string Id(Article article) => article.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string StatusName(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Copies the input onto a tracked article after checking everything that needs the database; returns the
    /// refusal instead, in which case nothing has been added to the context's pending writes.
    /// </summary>
    async Task<WorkflowResult?> ApplyAsync(ArticleInput r, Article article, DateTime now, CancellationToken ct)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        var section = await db.Sections.SingleOrDefaultAsync(s => s.Slug == r.Section, ct);
        if (section is null) Error("section", $"No section with slug \"{r.Section}\".");
        Dossier? dossier = null;
        if (!string.IsNullOrWhiteSpace(r.Dossier))
        {
            dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Slug == r.Dossier, ct);
            if (dossier is null) Error("dossier", $"No dossier with slug \"{r.Dossier}\".");
        }
        MediaItem? image = null;
        if (r.LeadImage is not null)
        {
            // Find: a media row the caller has just added or loaded (a wire picture) is not read again.
            image = await db.Media.FindAsync([r.LeadImage.MediaId], ct);
            if (image is null) Error("leadImage.mediaId", $"No media item {r.LeadImage.MediaId}.");
        }

        var authorSlugs = r.Authors.Distinct(StringComparer.Ordinal).ToList();
        var authors = await db.Authors.Where(a => authorSlugs.Contains(a.Slug)).ToListAsync(ct);
        foreach (var missing in authorSlugs.Except(authors.Select(a => a.Slug), StringComparer.Ordinal))
            Error("authors", $"No author with slug \"{missing}\".");

        var relatedIds = r.Related.Where(x => x.ArticleId is not null).Select(x => x.ArticleId!.Value).Distinct().ToList();
        var relatedFound = relatedIds.Count == 0 ? []
            : await db.Articles.Where(a => relatedIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        foreach (var (item, i) in r.Related.Select((x, i) => (x, i)))
        {
            if (item.ArticleId is not { } target) continue;
            if (article.Id != 0 && target == article.Id) Error($"related[{i}].articleId", "An article cannot recommend itself.");
            else if (!relatedFound.Contains(target)) Error($"related[{i}].articleId", $"No article {target}.");
        }

        var slug = r.Slug ?? (article.Id != 0 && r.Headline == article.Headline ? article.Slug : Slugs.From(r.Headline));
        if (slug.Length == 0) Error("slug", "The headline gives no slug: send one.");
        if (errors.Count > 0)
            return new(WorkflowOutcome.Invalid, Message: "One or more fields are invalid.",
                Errors: errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));

        var taken = await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != article.Id, ct);
        if (taken)
        {
            if (r.Slug is not null) return WorkflowResult.Conflict($"The slug \"{slug}\" is already used by another article.");
            // A generated slug gets a number rather than failing: two stories may share a headline ("En direct").
            var stem = slug.Length > 190 ? slug[..190].TrimEnd('-') : slug;
            var siblings = await db.Articles.Where(a => a.Slug.StartsWith(stem + "-")).Select(a => a.Slug).ToListAsync(ct);
            var n = 2;
            while (siblings.Contains($"{stem}-{n}")) n++;
            slug = $"{stem}-{n}";
        }

        var tags = await TagsAsync(r.Tags, ct);
        article.Section = section!;
        article.SectionId = section!.Id;
        article.Dossier = dossier;
        article.DossierId = dossier?.Id;
        article.Kicker = NullIfBlank(r.Kicker);
        article.Headline = r.Headline.Trim();
        article.Slug = slug;
        article.Standfirst = r.Standfirst.Trim();
        article.BodyHtml = html.Sanitize(r.BodyHtml);
        article.WorkType = r.WorkType;
        article.SeoTitle = NullIfBlank(r.SeoTitle);
        article.SeoDescription = NullIfBlank(r.SeoDescription);
        article.LeadImage = image;
        article.LeadImageId = image?.Id;
        article.LeadImageAlt = image is null ? null : NullIfBlank(r.LeadImage!.Alt) ?? image.Alt;
        article.LeadImageCaption = image is null ? null : NullIfBlank(r.LeadImage!.Caption) ?? image.Caption;
        article.LeadImageCredit = image is null ? null : NullIfBlank(r.LeadImage!.Credit) ?? image.Credit;
        article.CommentsEnabled = r.CommentsEnabled;
        article.VideoUrl = NullIfBlank(r.VideoUrl);
        article.AudioUrl = NullIfBlank(r.AudioUrl);
        article.AudioLength = r.AudioLength;
        article.AudioDurationSeconds = r.AudioDurationSeconds;
        article.Transcript = string.IsNullOrWhiteSpace(r.Transcript) ? null : html.Sanitize(r.Transcript);
        article.UpdatedAt = now;

        // Bylines are keyed by (article, author): keep the rows that stay, so none is deleted and re-inserted.
        var bySlug = authors.ToDictionary(a => a.Slug, StringComparer.Ordinal);
        var byline = authorSlugs.Select((s, i) => (Author: bySlug[s], Position: i)).ToList();
        article.Authors.RemoveAll(x => byline.All(b => b.Author.Id != x.AuthorId));
        foreach (var (author, position) in byline)
        {
            var row = article.Authors.Find(x => x.AuthorId == author.Id);
            if (row is null) article.Authors.Add(new ArticleAuthor { Author = author, AuthorId = author.Id, Position = position });
            else row.Position = position;
        }

        article.Tags.Clear();
        article.Tags.AddRange(tags);

        article.Related.Clear();
        article.Related.AddRange(r.Related.Select((x, i) => x.ArticleId is { } target
            ? new RelatedItem { Position = i, TargetArticleId = target }
            : new RelatedItem { Position = i, Url = x.Url!.Trim(), Title = x.Title?.Trim(), Source = NullIfBlank(x.Source) }));

        // The new path is live again: it no longer redirects elsewhere or answers 410.
        var path = $"/{section.Slug}/{slug}";
        db.ArticleRedirects.RemoveRange(await db.ArticleRedirects.Where(x => x.Path == path).ToListAsync(ct));
        db.RetiredPaths.RemoveRange(await db.RetiredPaths.Where(x => x.Path == path).ToListAsync(ct));
        return null;
    }

    static string? NullIfBlank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Finds tags by slug, creating the missing ones.</summary>
    async Task<List<Tag>> TagsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).GroupBy(n => Slugs.From(n, 100), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var slugs = wanted.Keys.ToList();
        var existing = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        var tags = new List<Tag>(existing);
        foreach (var (slug, name) in wanted)
            if (existing.All(t => t.Slug != slug))
                tags.Add(new Tag { Name = name, Slug = slug });
        return tags;
    }
}
