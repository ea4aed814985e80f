using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kiosque.Newsletter;

public sealed record EditionInput(int ListId, string? Subject, string? Intro, IReadOnlyList<int>? ArticleIds);

/// <summary>Composing editions: one write per call, drafts and scheduled editions only (what is sending or sent stays as it went out).</summary>
public sealed class Editions(KiosqueDb db, TimeProvider clock, EditionRenderer renderer, EmailSender email, IOptions<NewsletterOptions> options)
{
    public static Dictionary<string, string> Validate(string? subject, string? intro)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(subject)) errors["subject"] = NewsletterNewsroomText.SubjectRequired;
        else if (subject.Trim().Length > Edition.MaxSubject) errors["subject"] = NewsletterNewsroomText.AtMost(Edition.MaxSubject);
        if ((intro?.Length ?? 0) > Edition.MaxIntro) errors["intro"] = NewsletterNewsroomText.AtMost(Edition.MaxIntro);
        return errors;
    }

    /// <summary>Creates a draft; null with errors when the input is wrong (unknown list or article, missing subject).</summary>
    public async Task<(Edition? Edition, Dictionary<string, string> Errors)> CreateAsync(EditionInput input, Actor actor, CancellationToken ct)
    {
        var errors = Validate(input.Subject, input.Intro);
        if (!await db.NewsletterLists.AnyAsync(l => l.Id == input.ListId, ct)) errors["listId"] = NewsletterNewsroomText.NoSuchList;
        var ids = (input.ArticleIds ?? []).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var published = await db.Articles.Where(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published && a.PublishedAt <= now).Select(a => a.Id).ToListAsync(ct);
        var missing = ids.Except(published).ToList();
        if (missing.Count > 0) errors["articleIds"] = NewsletterNewsroomText.ArticlesNotFound(string.Join(", ", missing));
        if (errors.Count > 0) return (null, errors);
        var edition = new Edition
        {
            ListId = input.ListId, Subject = input.Subject!.Trim(), Intro = input.Intro?.Trim() ?? "", Status = EditionStatus.Draft,
            CreatedAt = now, CreatedBy = actor.Name,
            Items = ids.Select((id, i) => new EditionItem { ArticleId = id, Position = i }).ToList(),
        };
        db.NewsletterEditions.Add(edition);
        db.Record(actor, "create", "edition", "new", $"Édition « {edition.Subject} » créée", now);
        await db.SaveChangesAsync(ct);
        return (edition, errors);
    }

    static bool Editable(Edition e) => e.Status is EditionStatus.Draft or EditionStatus.Scheduled;

    public Task<Edition?> FindAsync(int id, CancellationToken ct) =>
        db.NewsletterEditions.Include(e => e.List).Include(e => e.Items.OrderBy(i => i.Position)).FirstOrDefaultAsync(e => e.Id == id, ct);

    public async Task<Dictionary<string, string>?> UpdateAsync(int id, string? subject, string? intro, CancellationToken ct)
    {
        var edition = await FindAsync(id, ct);
        if (edition is null || !Editable(edition)) return null;
        var errors = Validate(subject, intro);
        if (errors.Count > 0) return errors;
        edition.Subject = subject!.Trim();
        edition.Intro = intro?.Trim() ?? "";
        await db.SaveChangesAsync(ct);
        return errors;
    }

    /// <summary>Adds the latest published articles of the chosen sections that the edition does not have yet.</summary>
    public async Task<int> FillAsync(int id, IReadOnlyCollection<int> sectionIds, int perSection, CancellationToken ct)
    {
        var edition = await FindAsync(id, ct);
        if (edition is null || !Editable(edition)) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var have = edition.Items.Select(i => i.ArticleId).ToHashSet();
        var position = edition.Items.Count == 0 ? 0 : edition.Items.Max(i => i.Position) + 1;
        var added = 0;
        foreach (var sectionId in sectionIds.Distinct())
        {
            var latest = await db.Articles.AsNoTracking()
                .Where(a => a.SectionId == sectionId && a.Status == ArticleStatus.Published && a.PublishedAt <= now)
                .OrderByDescending(a => a.PublishedAt).Select(a => a.Id).Take(Math.Clamp(perSection, 1, 20)).ToListAsync(ct);
            foreach (var articleId in latest.Where(have.Add))
            {
                edition.Items.Add(new EditionItem { ArticleId = articleId, Position = position++ });
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    public async Task<bool> AddArticleAsync(int id, int articleId, CancellationToken ct)
    {
        var edition = await FindAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (edition is null || !Editable(edition) || edition.Items.Any(i => i.ArticleId == articleId)
            || !await db.Articles.AnyAsync(a => a.Id == articleId && a.Status == ArticleStatus.Published && a.PublishedAt <= now, ct)) return false;
        edition.Items.Add(new EditionItem { ArticleId = articleId, Position = edition.Items.Count == 0 ? 0 : edition.Items.Max(i => i.Position) + 1 });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> RemoveArticleAsync(int id, int articleId, CancellationToken ct)
    {
        var edition = await FindAsync(id, ct);
        var item = edition?.Items.FirstOrDefault(i => i.ArticleId == articleId);
        if (edition is null || item is null || !Editable(edition)) return false;
        edition.Items.Remove(item);
        db.NewsletterEditionItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Moves an article one place up (-1) or down (+1).</summary>
    public async Task<bool> MoveAsync(int id, int articleId, int direction, CancellationToken ct)
    {
        var edition = await FindAsync(id, ct);
        if (edition is null || !Editable(edition)) return false;
        var items = edition.Items.OrderBy(i => i.Position).ThenBy(i => i.Id).ToList();
        var index = items.FindIndex(i => i.ArticleId == articleId);
        var other = index + Math.Sign(direction);
        if (index < 0 || other < 0 || other >= items.Count) return false;
        (items[index], items[other]) = (items[other], items[index]);
        for (var i = 0; i < items.Count; i++) items[i].Position = i;
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The message as a subscriber gets it, to the editor's own address, marked as a test; its links lead to the sign-up page.</summary>
    public async Task<bool> SendTestAsync(int id, string to, string baseUrl, CancellationToken ct)
    {
        if (!MailboxAddress.TryParse(to, out var address)) return false;
        var edition = await renderer.RenderAsync(id, baseUrl, ct);
        if (edition is null) return false;
        var placeholder = baseUrl.TrimEnd('/') + NewsletterPaths.SignUp;
        var (html, text) = edition.For(placeholder, placeholder);
        var from = string.IsNullOrWhiteSpace(options.Value.From) ? email.DefaultFrom : MailboxAddress.Parse(options.Value.From);
        var message = new MimeMessage
        {
            Subject = "[TEST] " + edition.Subject, Date = clock.GetUtcNow(), MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(from.Domain),
            Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(address);
        await using var transport = await email.OpenAsync("newsletter-tests", ct);
        await transport.SendAsync(message, ct);
        return true;
    }
}
