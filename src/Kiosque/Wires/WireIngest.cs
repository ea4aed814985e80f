using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Wires;

/// <summary>The "Kiosque:Wires" configuration section.</summary>
public sealed class WiresOptions
{
    public const string SectionName = "Kiosque:Wires";

    /// <summary>The slug of the section wire drafts land in; created (named <see cref="SectionTitle"/>) when missing.</summary>
    public string Section { get; set; } = "depeches";
    /// <summary>The name given to that section when ingest has to create it.</summary>
    public string SectionTitle { get; set; } = "Dépêches";
    /// <summary>The credit of items that name no copyright holder.</summary>
    public string Credit { get; set; } = "Agence";
    /// <summary>The watched folder (relative to the data folder when not absolute); empty: no folder is watched.</summary>
    public string? Folder { get; set; }
    public int PollSeconds { get; set; } = 5;
    /// <summary>A file modified more recently than this is left for the next pass (it may still be being written).</summary>
    public int SettleSeconds { get; set; } = 2;
    /// <summary>A larger item is refused (413 from the API; failed/ from the folder).</summary>
    public int MaxItemBytes { get; set; } = 2 * 1024 * 1024;
}

public enum IngestOutcome { Created, Updated, Ignored, Recorded, Invalid, Conflict }

/// <summary>
/// What an item did: a new draft (Created), a draft brought to a newer version (Updated), nothing because the
/// version was not newer (Ignored), or a newer version recorded and flagged on an article that has left draft
/// (Recorded). Invalid and Conflict name why nothing was written.
/// </summary>
public sealed record IngestResult(IngestOutcome Outcome, int? ArticleId, string Message, string? Field = null)
{
    public bool Succeeded => Outcome is not (IngestOutcome.Invalid or IngestOutcome.Conflict);
}

/// <summary>
/// Turns ninjs items into draft articles in the wire section, through the article workflow (revisions, audit,
/// events) and in one transaction with the <see cref="WireItem"/> that remembers the agency's uri and version.
/// </summary>
public sealed class WireIngest(KiosqueDb db, ArticleWorkflow workflow, IOptions<WiresOptions> options, TimeProvider clock, ILogger<WireIngest> log)
{
    /// <summary>The folder watcher's actor; API ingest acts as the calling token.</summary>
    public static readonly Actor FolderActor = new("system:wires", "Fil d’agence", ActorRole.Editor);

    const int Attempts = 3;

    public async Task<IngestResult> IngestAsync(ReadOnlyMemory<byte> json, Actor actor, string source, CancellationToken ct)
    {
        NinjsItem item;
        try
        {
            item = NinjsReader.Read(json);
        }
        catch (NinjsInvalidException e)
        {
            return new IngestResult(IngestOutcome.Invalid, null, e.Message, e.Field);
        }
        return await IngestAsync(item, actor, source, ct);
    }

    public async Task<IngestResult> IngestAsync(NinjsItem item, Actor actor, string source, CancellationToken ct)
    {
        // Two instances (or two requests) creating the same item, author or tag: the loser of the unique index
        // starts again and finds the winner's rows.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await workflow.InOneTransactionAsync(() => ApplyAsync(item, actor, source, ct), ct);
                // The workflow reports a tag or slug taken meanwhile as a conflict rather than throwing.
                if (result.Outcome != IngestOutcome.Conflict || attempt >= Attempts) return result;
            }
            catch (DbUpdateException e) when (attempt < Attempts && Api.ApiProblems.IsUniqueViolation(e))
            {
                log.LogInformation("Wire item {Uri}: lost a race on a unique index, trying again.", item.Uri);
            }
        }
    }

    async Task<(IngestResult, bool Commit)> ApplyAsync(NinjsItem item, Actor actor, string source, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var wire = await db.WireItems.Include(w => w.Article).SingleOrDefaultAsync(w => w.Uri == item.Uri, ct);
        var flag = item.PubStatus switch { "canceled" => WireFlag.Canceled, "withheld" => WireFlag.Withheld, _ => WireFlag.None };

        if (wire is not null && !IsNewer(item, wire))
            return (new IngestResult(IngestOutcome.Ignored, wire.ArticleId,
                $"Version {item.Version ?? "?"} of {item.Uri} is not newer than the one received ({wire.Version ?? "?"}); nothing changed."), true);

        if (wire is not null && wire.Article.Status is not (ArticleStatus.Draft or ArticleStatus.InReview))
        {
            // The newsroom has taken it over: never overwrite what readers may see; say that the agency moved on.
            Stamp(wire, item, now, source);
            wire.Flag = flag != WireFlag.None ? flag : WireFlag.NewerVersionNotApplied;
            wire.FlagNote = $"Version {item.Version ?? "?"} reçue le {now:yyyy-MM-dd HH:mm} UTC, non appliquée : l’article n’est plus un brouillon.";
            db.Record(actor, "wire.recorded", "article", Id(wire.ArticleId), $"{item.Uri} ({item.PubStatus})", now);
            await db.SaveChangesAsync(ct);
            return (new IngestResult(IngestOutcome.Recorded, wire.ArticleId,
                $"Article {wire.ArticleId} is {ArticleWorkflow.StatusName(wire.Article.Status)}: the newer version was recorded and flagged, not applied."), true);
        }

        var section = await SectionAsync(ct);
        var authors = await AuthorsAsync(item.Byline, ct);
        var leadImage = await PictureAsync(item, ct);
        var input = new ArticleInput
        {
            Section = section,
            Headline = item.Headline,
            Standfirst = item.Standfirst,
            BodyHtml = item.BodyHtml,
            Authors = authors,
            Tags = item.Subjects,
            LeadImage = leadImage,
            // A wire draft keeps its slug once made: an updated headline must not move a path already shared.
            Slug = wire?.Article.Slug,
        };
        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);

        var result = wire is null
            ? await workflow.CreateAsync(input, actor, null, ct)
            : await workflow.UpdateAsync(wire.ArticleId, input, wire.Article.Version, null, actor, ct);
        if (result.Article is not { } saved)
        {
            var field = result.Errors?.Keys.FirstOrDefault();
            return (new IngestResult(result.Outcome == WorkflowOutcome.Invalid ? IngestOutcome.Invalid : IngestOutcome.Conflict, wire?.ArticleId,
                result.Errors is { } errors ? string.Join(" ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))) : result.Message ?? "Refused.", field), false);
        }

        var created = wire is null;
        wire ??= db.WireItems.Add(new WireItem { Uri = item.Uri, ArticleId = saved.Id, ReceivedAt = now }).Entity;
        Stamp(wire, item, now, source);
        wire.Flag = flag;
        wire.FlagNote = flag switch
        {
            WireFlag.Canceled => "L’agence a annulé cette dépêche : ne pas la publier.",
            WireFlag.Withheld => "L’agence retient cette dépêche : attendre sa levée.",
            _ => null,
        };
        await db.SaveChangesAsync(ct);
        return (new IngestResult(created ? IngestOutcome.Created : IngestOutcome.Updated, saved.Id,
            created ? $"Draft {saved.Id} created from {item.Uri}." : $"Draft {saved.Id} updated to version {item.Version ?? "?"}."), true);
    }

    void Stamp(WireItem wire, NinjsItem item, DateTime now, string source)
    {
        wire.Version = item.Version;
        wire.VersionCreated = item.VersionCreated;
        wire.PubStatus = item.PubStatus;
        wire.Credit = item.CopyrightHolder ?? options.Value.Credit;
        wire.CopyrightNotice = item.CopyrightNotice;
        wire.UsageTerms = item.UsageTerms;
        wire.Byline = item.Byline;
        wire.UpdatedAt = now;
        wire.Source = source;
    }

    /// <summary>
    /// Newer: a later versioncreated, or the same (or none) with a higher numeric version. An item that says
    /// neither is not newer: re-sending a file changes nothing.
    /// </summary>
    public static bool IsNewer(NinjsItem item, WireItem stored)
    {
        if (item.VersionCreated is { } at && stored.VersionCreated is { } before && at != before) return at > before;
        if (item.VersionCreated is not null && stored.VersionCreated is null) return true;
        return long.TryParse(item.Version, out var version) && long.TryParse(stored.Version, out var old) && version > old;
    }

    async Task<string> SectionAsync(CancellationToken ct)
    {
        var slug = options.Value.Section;
        if (await db.Sections.AnyAsync(s => s.Slug == slug, ct)) return slug;
        var position = await db.Sections.MaxAsync(s => (int?)s.Position, ct) ?? 0;
        db.Sections.Add(new Section { Name = options.Value.SectionTitle, Slug = slug, Position = position + 1 });
        return slug;
    }

    /// <summary>"Paulo Santalucia and Frances d'Emilio": one author each, found by slug or created.</summary>
    async Task<List<string>> AuthorsAsync(string? byline, CancellationToken ct)
    {
        if (byline is null) return [];
        var names = byline.Split([" and ", " et ", " & ", ";", " und ", " og "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.StartsWith("By ", StringComparison.OrdinalIgnoreCase) ? n[3..].Trim() : n)
            .Select(n => n.Length > 200 ? n[..200] : n)
            .Where(n => Slugs.From(n, 200).Length > 0).Take(5).ToList();
        var people = names.Select(n => (Name: n, Slug: Slugs.From(n, 200))).DistinctBy(n => n.Slug).ToList();
        var slugs = people.Select(n => n.Slug).ToList();
        var known = await db.Authors.Where(a => slugs.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(ct);
        foreach (var (name, slug) in people.Where(n => !known.Contains(n.Slug)))
            db.Authors.Add(new Author { Name = name, Slug = slug });
        return slugs;
    }

    /// <summary>The first picture as the lead image: a media row pointing at the agency's rendition, found again by that href.</summary>
    async Task<LeadImageInput?> PictureAsync(NinjsItem item, CancellationToken ct)
    {
        if (item.Pictures.Count == 0) return null;
        var picture = item.Pictures[0];
        var credit = picture.Credit ?? item.CopyrightHolder ?? options.Value.Credit;
        var media = await db.Media.FirstOrDefaultAsync(m => m.SourceUrl == picture.Href, ct);
        if (media is null)
        {
            media = new MediaItem { SourceUrl = picture.Href, Url = picture.Href.Length <= 500 ? picture.Href : "", CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Media.Add(media);
        }
        media.ContentType = picture.ContentType ?? "image/jpeg";
        media.Width = picture.Width;
        media.Height = picture.Height;
        media.Length = picture.Length;
        media.Alt = picture.Alt;
        media.Caption = picture.Caption;
        media.Credit = credit;
        await db.SaveChangesAsync(ct);
        return new LeadImageInput(media.Id, picture.Alt, picture.Caption, credit);
    }

    static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
