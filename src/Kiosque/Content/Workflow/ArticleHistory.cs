using System.Globalization;
using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Content.Workflow;

public sealed record RevisionInfo(int Number, DateTime CreatedAt, string ActorId, string ActorName, RevisionKind Kind, int? RestoredFrom);

public enum DiffKind { Same, Deleted, Inserted }

public sealed record DiffPiece(DiffKind Kind, string Text);

/// <summary>One field that differs between two revisions, as a word-level diff from the first to the second.</summary>
public sealed record FieldDiff(string Field, IReadOnlyList<DiffPiece> Pieces);

public sealed record RevisionDiff(int From, int To, IReadOnlyList<FieldDiff> Fields);

/// <summary>An article's revisions: the list, one revision's content, and the diff between two.</summary>
public sealed class ArticleHistory(KiosqueDb db)
{
    public async Task<IReadOnlyList<RevisionInfo>?> ListAsync(int articleId, CancellationToken ct)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == articleId, ct)) return null;
        return await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId).OrderByDescending(r => r.Number)
            .Select(r => new RevisionInfo(r.Number, r.CreatedAt, r.ActorId, r.ActorName, r.Kind, r.RestoredFrom))
            .ToListAsync(ct);
    }

    public async Task<ArticleInput?> ContentAsync(int articleId, int number, CancellationToken ct)
    {
        var json = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId && r.Number == number)
            .Select(r => r.Snapshot).SingleOrDefaultAsync(ct);
        return json is null ? null : ArticleSnapshot.Deserialize(json);
    }

    /// <summary>Null when the article or either revision does not exist.</summary>
    public async Task<RevisionDiff?> DiffAsync(int articleId, int from, int to, CancellationToken ct)
    {
        var snapshots = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == articleId && (r.Number == from || r.Number == to))
            .ToDictionaryAsync(r => r.Number, r => r.Snapshot, ct);
        if (!snapshots.TryGetValue(from, out var a) || !snapshots.TryGetValue(to, out var b)) return null;
        return new RevisionDiff(from, to, Compare(ArticleSnapshot.Deserialize(a), ArticleSnapshot.Deserialize(b)));
    }

    /// <summary>The fields that differ, in the editor's order; the HTML body is compared as text.</summary>
    public static IReadOnlyList<FieldDiff> Compare(ArticleInput a, ArticleInput b)
    {
        var before = Fields(a);
        var after = Fields(b);
        return before.Zip(after)
            .Where(p => !string.Equals(p.First.Value, p.Second.Value, StringComparison.Ordinal))
            .Select(p => new FieldDiff(p.First.Name, Words(p.First.Value, p.Second.Value)))
            .ToList();
    }

    static List<(string Name, string Value)> Fields(ArticleInput x) =>
    [
        ("section", x.Section),
        ("dossier", x.Dossier ?? ""),
        ("kicker", x.Kicker ?? ""),
        ("headline", x.Headline),
        ("slug", x.Slug ?? ""),
        ("standfirst", x.Standfirst),
        ("bodyHtml", x.BodyHtml),
        ("workType", x.WorkType.ToString().ToLowerInvariant()),
        ("seoTitle", x.SeoTitle ?? ""),
        ("seoDescription", x.SeoDescription ?? ""),
        ("leadImage", x.LeadImage is { } i ? $"#{i.MediaId.ToString(CultureInfo.InvariantCulture)} {i.Alt} | {i.Caption} | {i.Credit}" : ""),
        ("authors", string.Join(", ", x.Authors)),
        ("tags", string.Join(", ", x.Tags)),
        ("related", string.Join("\n", x.Related.Select(r => r.ArticleId is { } id
            ? "#" + id.ToString(CultureInfo.InvariantCulture)
            : $"{r.Title} ({r.Source}) {r.Url}"))),
        ("commentsEnabled", x.CommentsEnabled ? "true" : "false"),
        ("videoUrl", x.VideoUrl ?? ""),
        ("audioUrl", x.AudioUrl ?? ""),
        ("audioLength", x.AudioLength?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ("audioDurationSeconds", x.AudioDurationSeconds?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ("transcript", x.Transcript ?? ""),
    ];

    /// <summary>Word-level diff; consecutive pieces of the same kind are merged so the result reads as runs.</summary>
    public static IReadOnlyList<DiffPiece> Words(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, WordChunker.Instance);
        var pieces = new List<DiffPiece>();
        void Add(DiffKind kind, IEnumerable<string> words)
        {
            var text = string.Concat(words);
            if (text.Length == 0) return;
            if (pieces.Count > 0 && pieces[^1].Kind == kind) pieces[^1] = pieces[^1] with { Text = pieces[^1].Text + text };
            else pieces.Add(new DiffPiece(kind, text));
        }
        var next = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(DiffKind.Same, result.PiecesOld.Skip(next).Take(block.DeleteStartA - next));
            Add(DiffKind.Deleted, result.PiecesOld.Skip(block.DeleteStartA).Take(block.DeleteCountA));
            Add(DiffKind.Inserted, result.PiecesNew.Skip(block.InsertStartB).Take(block.InsertCountB));
            next = block.DeleteStartA + block.DeleteCountA;
        }
        Add(DiffKind.Same, result.PiecesOld.Skip(next));
        return pieces;
    }

    /// <summary>Plain rendering of a diff for logs and tests: [-deleted-] and {+inserted+}.</summary>
    public static string Render(IReadOnlyList<DiffPiece> pieces)
    {
        var sb = new StringBuilder();
        foreach (var p in pieces)
            sb.Append(p.Kind switch { DiffKind.Deleted => $"[-{p.Text}-]", DiffKind.Inserted => $"{{+{p.Text}+}}", _ => p.Text });
        return sb.ToString();
    }
}
