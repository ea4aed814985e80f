using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages.Articles;

/// <summary>An article's revisions: the list, the diff between two, and restoring one (a new revision, through the workflow).</summary>
public sealed class RevisionsModel(KiosqueDb db, TimeProvider clock, ArticleHistory history, ArticleWorkflow workflow) : PageModel
{
    readonly ArticleEditor editor = new(db, clock);

    public ArticleState State { get; private set; } = null!;
    public IReadOnlyList<RevisionInfo> Revisions { get; private set; } = [];
    public RevisionDiff? Diff { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public int? From { get; private set; }
    public int? To { get; private set; }
    public bool CanRestore { get; private set; }
    public string? Notice { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? de, int? a, int? restauree, CancellationToken ct)
    {
        if (await StartAsync(id, ct) is { } refused) return refused;
        if (restauree is { } n) Notice = ArticlesText.Restored(n);
        (From, To) = (de ?? (Revisions.Count > 1 ? Revisions[1].Number : null), a ?? (Revisions.Count > 0 ? Revisions[0].Number : null));
        if (From is { } from && To is { } to) Diff = await history.DiffAsync(id, from, to, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int numero, int? version, bool confirme, CancellationToken ct)
    {
        if (await StartAsync(id, ct) is { } refused) return refused;
        if (!CanRestore) return Forbid();
        var actor = Actor.From(User)!;
        if (!confirme)
        {
            Refusal = ArticlesText.ConfirmRequired;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var result = await workflow.RestoreAsync(id, numero, version, actor, ct);
        if (result.Succeeded) return Redirect($"/newsroom/articles/{id}/revisions?restauree={numero}");
        Refusal = result.Outcome == WorkflowOutcome.Conflict ? ArticlesText.ConflictTitle : ArticlesText.Translate(result.Message ?? "");
        Response.StatusCode = result.Outcome switch
        {
            WorkflowOutcome.Forbidden => StatusCodes.Status403Forbidden,
            WorkflowOutcome.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status404NotFound,
        };
        return Page();
    }

    async Task<IActionResult?> StartAsync(int id, CancellationToken ct)
    {
        if (Actor.From(User) is not { } actor) return Forbid();
        var loaded = await editor.LoadAsync(id, ct);
        if (loaded is null) return NotFound();
        var authorId = int.TryParse(User.FindFirst(Accounts.NewsroomClaims.AuthorId)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var mine) ? mine : (int?)null;
        if (!ArticleEditor.MaySee(actor, authorId, loaded.Value.State, editor.UtcNow)) return Forbid();
        State = loaded.Value.State;
        Zone = await editor.TimeZoneAsync(ct);
        Revisions = await history.ListAsync(id, ct) ?? [];
        CanRestore = ArticleWorkflow.WhyCannotEdit(actor, new Content.Article { Id = id, Status = State.Status, CreatedBy = State.CreatedBy }) is null;
        return null;
    }

    public string Local(DateTime utc) => ArticleEditor.Format(utc, Zone);
}
