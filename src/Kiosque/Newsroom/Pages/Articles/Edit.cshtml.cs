using Microsoft.EntityFrameworkCore;
using System.Globalization;
using Kiosque.Accounts;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Infrastructure;
using Kiosque.Media;
using Kiosque.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kiosque.Newsroom.Pages.Articles;

/// <summary>
/// Writes a new article (/newsroom/articles/nouveau) or edits one. Every write goes through
/// <see cref="ArticleWorkflow"/>; the buttons shown are only a courtesy, the workflow decides. The form's helper
/// buttons (search, add, move, upload) post the whole form and show it again, so that it all works without JavaScript.
/// </summary>
public sealed class EditModel(KiosqueDb db, TimeProvider clock, ArticleWorkflow workflow, MediaStore mediaStore,
    RelatedReading relatedReading) : PageModel
{
    const string New = "nouveau";
    readonly ArticleEditor editor = new(db, clock);
    (ArticleInput Input, IReadOnlyDictionary<int, string> Headlines)? stored;

    [BindProperty] public ArticleForm Form { get; set; } = new();
    [BindProperty(Name = "do")] public string? Do { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public int? ArticleId { get; private set; }
    public ArticleState? State { get; private set; }
    /// <summary>The agency item this article came from, with its flag (canceled, withheld, newer version not applied).</summary>
    public Wires.WireItem? Wire { get; private set; }
    public Actor Actor { get; private set; } = null!;
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyList<SectionChoice> Sections { get; private set; } = [];
    public IReadOnlyList<DossierChoice> Dossiers { get; private set; } = [];
    public IReadOnlyList<Choice> Authors { get; private set; } = [];
    public IReadOnlyList<MediaChoice> MediaChoices { get; private set; } = [];
    public IReadOnlyList<RelatedCandidate>? RelatedResults { get; private set; }
    /// <summary>What readers would get after the picks (same dossier, shared tags, similar text), for the editor to accept.</summary>
    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? Refusal { get; private set; }
    public bool Conflict { get; private set; }
    public bool HasErrors { get; private set; }

    public bool IsNew => ArticleId is null;
    public ArticleStatus Status => State?.Status ?? ArticleStatus.Draft;
    public bool CanEdit => State is null || ArticleWorkflow.WhyCannotEdit(Actor, ToArticle(State)) is null;
    public bool CanSubmit => CanEdit && Status == ArticleStatus.Draft && (Actor.CanPublish || State is null || State.CreatedBy == Actor.Id);
    public bool CanPublish => Actor.CanPublish && Status != ArticleStatus.Published && ArticleWorkflow.CanTransition(Status, ArticleStatus.Published);
    public bool CanSchedule => Actor.CanPublish && (Status == ArticleStatus.Scheduled || ArticleWorkflow.CanTransition(Status, ArticleStatus.Scheduled));
    public bool CanUnpublish => Actor.CanPublish && Status == ArticleStatus.Published;
    public bool CanReturnToDraft => Actor.CanPublish && Status != ArticleStatus.Draft && ArticleWorkflow.CanTransition(Status, ArticleStatus.Draft);
    public bool CanCorrect => Actor.CanPublish && State is { WasEverPublic: true };
    public bool Autosaves => CanEdit && Status == ArticleStatus.Draft;
    public string ZoneName => Zone.Id;
    public string DossierPlaceholder => Dossiers.FirstOrDefault(d => d.Slug == Form.Dossier)?.Name ?? "";
    public string FormAction => IsNew ? "/newsroom/articles/nouveau" : $"/newsroom/articles/{ArticleId}";

    public async Task<IActionResult> OnGetAsync(string id, string? fait, CancellationToken ct)
    {
        if (await StartAsync(id, ct) is { } refused) return refused;
        if (State is not null && stored is { } loaded)
        {
            var publishAt = State.PublishedAt is { } at && State.Status == ArticleStatus.Scheduled ? ArticleEditor.ToLocal(at, Zone) : (DateTime?)null;
            Form = ArticleForm.From(loaded.Input, State.Version, publishAt, loaded.Headlines);
        }
        else
        {
            Form = new ArticleForm();
            if (await editor.AuthorSlugAsync(MyAuthorId, ct) is { } mine) Form.Authors = [mine];
        }
        Notice = fait switch
        {
            "correction" => ArticlesText.CorrectionAdded,
            null or "" => null,
            _ => Enum.TryParse<ArticleStatus>(fait, ignoreCase: true, out var s) ? ArticlesText.SavedDone(s) : ArticlesText.Saved,
        };
        await LoadChoicesAsync(ct);
        if (Form.Section is null && Sections.Count > 0) Form.Section = Sections[0].Slug;
        return Page();
    }

    /// <summary>The media choices alone, for the picker's search as the journalist types (articles.js).</summary>
    public async Task<IActionResult> OnGetMediasAsync(string id, string? q, int? selected, CancellationToken ct)
    {
        if (await StartAsync(id, ct) is { } refused) return refused;
        Form = new ArticleForm { LeadImageId = selected, MediaQuery = q };
        MediaChoices = await editor.MediaAsync(q, selected, ct);
        return Partial("/Newsroom/Pages/Articles/_MediaChoices.cshtml", this);
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (await StartAsync(id, ct) is { } refused) return refused;
        // Seeing a piece is not editing it: refuse before reading the form, whatever the button.
        if (!CanEdit) return Forbid();
        var (verb, argument) = Split(Do);
        switch (verb)
        {
            case "save": return await SaveAsync(null, ct);
            case "submit": return await SaveAsync(new StatusChange(ArticleStatus.InReview, null), ct);
            case "publish": return await SaveAsync(new StatusChange(ArticleStatus.Published, null), ct);
            case "unpublish": return await SaveAsync(new StatusChange(ArticleStatus.Unpublished, null), ct);
            case "draft": return await SaveAsync(new StatusChange(ArticleStatus.Draft, null), ct);
            case "schedule":
                if (Form.PublishAt is not { } local || ArticleEditor.ToUtc(local, Zone) <= editor.UtcNow)
                {
                    ModelState.AddModelError("Form.PublishAt", ArticlesText.ScheduleNeedsDate);
                    return await ShowAsync(ct);
                }
                return await SaveAsync(new StatusChange(ArticleStatus.Scheduled, ArticleEditor.ToUtc(local, Zone)), ct);
            case "correction": return await CorrectAsync(ct);
            case "upload": return await UploadAsync(ct);
            case "related-add" when argument is { } a && int.TryParse(a, CultureInfo.InvariantCulture, out var target):
                if (await editor.PublishedAsync(target, ct) is { } found && Form.Related.All(r => r.ArticleId != target))
                    Form.Related.Add(new RelatedRowForm { ArticleId = found.Id, Headline = found.Headline });
                Form.RelatedQuery = null;
                return await ShowAgainAsync(ct);
            case "related-external":
                if (string.IsNullOrWhiteSpace(Form.NewLinkUrl) || string.IsNullOrWhiteSpace(Form.NewLinkTitle))
                {
                    if (string.IsNullOrWhiteSpace(Form.NewLinkUrl)) ModelState.AddModelError("Form.NewLinkUrl", ArticlesText.Required);
                    if (string.IsNullOrWhiteSpace(Form.NewLinkTitle)) ModelState.AddModelError("Form.NewLinkTitle", ArticlesText.Required);
                    return await ShowAsync(ct);
                }
                Form.Related.Add(new RelatedRowForm { Url = Form.NewLinkUrl.Trim(), Title = Form.NewLinkTitle.Trim(), Source = Form.NewLinkSource?.Trim() });
                (Form.NewLinkUrl, Form.NewLinkTitle, Form.NewLinkSource) = (null, null, null);
                return await ShowAgainAsync(ct);
            case "related-up" or "related-down" or "related-remove" when int.TryParse(argument, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < Form.Related.Count:
                var row = Form.Related[i];
                var to = verb == "related-up" ? i - 1 : i + 1;
                Form.Related.RemoveAt(i);
                if (verb != "related-remove") Form.Related.Insert(Math.Clamp(to, 0, Form.Related.Count), row);
                return await ShowAgainAsync(ct);
            default:
                // "media-search", "related-search" and unknown buttons: the same form again, with the search's results.
                return await ShowAgainAsync(ct);
        }
    }

    /// <summary>Saves a draft in the background (articles.js); only while the article is a draft, and never over a newer version.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(string id, CancellationToken ct)
    {
        if (await StartAsync(id, ct) is { } refused) return refused;
        if (!CanEdit) return Forbid();
        if (State is not null && State.Status != ArticleStatus.Draft)
            return StatusCode(StatusCodes.Status409Conflict, new { saved = false, reason = "not-draft", message = ArticlesText.AutosaveStopped });
        ModelState.Clear();
        if (!Form.Validate(ModelState, "Form."))
            return new UnprocessableEntityObjectResult(new { saved = false, reason = "invalid", message = ArticlesText.AutosaveWaiting });
        var result = State is null
            ? await workflow.CreateAsync(Form.ToRequest().ToInput(), Actor, null, ct)
            : await workflow.UpdateAsync(State.Id, Form.ToRequest().ToInput(), Form.Version, null, Actor, ct);
        if (result.Article is { } saved)
            return new JsonResult(new
            {
                saved = true, id = saved.Id, version = saved.Version, url = $"/newsroom/articles/{saved.Id}",
                message = ArticlesText.AutosavedAt(ArticleEditor.Time(editor.UtcNow, Zone)),
            });
        return result.Outcome switch
        {
            WorkflowOutcome.Conflict => StatusCode(StatusCodes.Status409Conflict, new { saved = false, reason = "conflict", message = ArticlesText.ConflictTitle }),
            WorkflowOutcome.Forbidden => StatusCode(StatusCodes.Status403Forbidden, new { saved = false, reason = "forbidden", message = ArticlesText.Translate(result.Message ?? "") }),
            WorkflowOutcome.NotFound => NotFound(),
            _ => new UnprocessableEntityObjectResult(new { saved = false, reason = "invalid", message = ArticlesText.AutosaveWaiting }),
        };
    }

    async Task<IActionResult> SaveAsync(StatusChange? status, CancellationToken ct)
    {
        if (!Form.Validate(ModelState, "Form.")) return await ShowAsync(ct);
        var input = Form.ToRequest().ToInput();
        var result = State is null
            ? await workflow.CreateAsync(input, Actor, status, ct)
            : await workflow.UpdateAsync(State.Id, input, Form.Version, status, Actor, ct);
        if (result.Article is { } saved)
            return Redirect($"/newsroom/articles/{saved.Id}?fait={(status is null ? "enregistre" : saved.Status.ToString().ToLowerInvariant())}");
        return await RefusedAsync(result, ct);
    }

    async Task<IActionResult> CorrectAsync(CancellationToken ct)
    {
        if (State is null) return await ShowAgainAsync(ct);
        if (string.IsNullOrWhiteSpace(Form.CorrectionText))
        {
            ModelState.AddModelError("Form.CorrectionText", ArticlesText.Required);
            return await ShowAsync(ct);
        }
        var result = await workflow.AddCorrectionAsync(State.Id, Form.CorrectionText, Form.Version, Actor, ct);
        return result.Succeeded ? Redirect($"/newsroom/articles/{State.Id}?fait=correction") : await RefusedAsync(result, ct);
    }

    async Task<IActionResult> RefusedAsync(WorkflowResult result, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case WorkflowOutcome.NotFound: return NotFound();
            case WorkflowOutcome.Invalid when result.Errors is { } errors:
                Form.AddWorkflowErrors(ModelState, "Form.", errors);
                break;
            case WorkflowOutcome.Conflict when State is not null && await editor.VersionAsync(State.Id, ct) != Form.Version:
                Conflict = true;
                break;
            default:
                Refusal = ArticlesText.Translate(result.Message ?? "");
                break;
        }
        Response.StatusCode = result.Outcome switch
        {
            WorkflowOutcome.Forbidden => StatusCodes.Status403Forbidden,
            WorkflowOutcome.Conflict => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        return await ShowAsync(ct);
    }

    async Task<IActionResult> UploadAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError("Upload", ArticlesText.UploadNeedsFile);
        if (string.IsNullOrWhiteSpace(Form.UploadAlt)) ModelState.AddModelError("Form.UploadAlt", ArticlesText.Required);
        if (!ModelState.IsValid) return await ShowAsync(ct);
        try
        {
            await using var stream = Upload!.OpenReadStream();
            var item = await mediaStore.SaveImageAsync(stream, Form.UploadAlt!, Form.UploadCaption, Form.UploadCredit, ct);
            (Form.LeadImageId, Form.LeadImageAlt, Form.LeadImageCaption, Form.LeadImageCredit) = (item.Id, item.Alt, item.Caption, item.Credit);
            (Form.UploadAlt, Form.UploadCaption, Form.UploadCredit) = (null, null, null);
            Notice = ArticlesText.Uploaded;
            return await ShowAgainAsync(ct);
        }
        catch (MediaRejectedException e)
        {
            ModelState.AddModelError("Upload", e.Message);
            return await ShowAsync(ct);
        }
    }

    /// <summary>The form again after a helper button changed it: the model, not what was posted, fills the fields.</summary>
    async Task<IActionResult> ShowAgainAsync(CancellationToken ct)
    {
        ModelState.Clear();
        return await ShowAsync(ct);
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        HasErrors = !ModelState.IsValid;
        await LoadChoicesAsync(ct);
        return Page();
    }

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        Sections = await editor.SectionsAsync(ct);
        Dossiers = await editor.DossiersAsync(ct);
        Authors = await editor.AuthorsAsync(ct);
        MediaChoices = await editor.MediaAsync(Form.MediaQuery, Form.LeadImageId, ct);
        if (!string.IsNullOrWhiteSpace(Form.RelatedQuery))
            RelatedResults = await editor.PublishedMatchingAsync(Form.RelatedQuery, ArticleId, ct);
        // Posted rows carry the headline of internal articles only for display: refresh it from the database.
        var headlines = await editor.HeadlinesAsync(Form.Related.Where(r => r.ArticleId is not null).Select(r => r.ArticleId!.Value), ct);
        foreach (var row in Form.Related)
            if (row.ArticleId is { } target && headlines.TryGetValue(target, out var headline)) row.Headline = headline;
        if (ArticleId is { } articleId)
            Suggestions = await relatedReading.SuggestAsync(articleId, RelatedReading.DefaultCount,
                exclude: [.. Form.Related.Where(r => r.ArticleId is not null).Select(r => r.ArticleId!.Value)], ct: ct);
    }

    /// <summary>Who is asking, about which article: null to go on, else the answer (not found, refused).</summary>
    async Task<IActionResult?> StartAsync(string id, CancellationToken ct)
    {
        if (Actor.From(User) is not { } actor) return Forbid();
        Actor = actor;
        Zone = await editor.TimeZoneAsync(ct);
        if (id == New) return null;
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return NotFound();
        var loaded = await editor.LoadAsync(number, ct);
        if (loaded is null) return NotFound();
        if (!ArticleEditor.MaySee(actor, MyAuthorId, loaded.Value.State, editor.UtcNow)) return Forbid();
        (ArticleId, State) = (number, loaded.Value.State);
        stored = (loaded.Value.Input, loaded.Value.RelatedHeadlines);
        Wire = await db.WireItems.AsNoTracking().SingleOrDefaultAsync(w => w.ArticleId == number, ct);
        return null;
    }

    int? MyAuthorId => int.TryParse(User.FindFirst(NewsroomClaims.AuthorId)?.Value, CultureInfo.InvariantCulture, out var a) ? a : null;

    static (string Verb, string? Argument) Split(string? action)
    {
        if (string.IsNullOrEmpty(action)) return ("save", null);
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (action, null) : (action[..colon], action[(colon + 1)..]);
    }

    static Article ToArticle(ArticleState s) => new() { Id = s.Id, Status = s.Status, CreatedBy = s.CreatedBy };

    public string Local(DateTime utc) => ArticleEditor.Format(utc, Zone);
}
