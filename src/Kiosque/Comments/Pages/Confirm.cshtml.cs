using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;

namespace Kiosque.Comments.Pages;

/// <summary>
/// The link in the confirmation e-mail. Opening it shows a button; only the POST confirms, so that mail
/// scanners which follow links do not confirm on the reader's behalf.
/// </summary>
public sealed class ConfirmModel(SiteContext site, CommentTokens tokens, CommentSubmission submission) : CommentPageModel(site)
{
    public string Title => CommentText.ConfirmTitle;
    public string Button => CommentText.ConfirmButton;
    public string? Token { get; private set; }

    public async Task OnGetAsync(string? jeton, CancellationToken ct)
    {
        await PrepareAsync(Title, ct);
        Token = jeton;
        if (tokens.ReadLink(CommentNotifications.ConfirmPurpose, jeton) is null) Message = CommentText.ConfirmInvalid;
    }

    public async Task<IActionResult> OnPostAsync(string? jeton, CancellationToken ct)
    {
        var path = tokens.ReadLink(CommentNotifications.ConfirmPurpose, jeton) is { } id
            ? await submission.ConfirmAsync(id, $"{Request.Scheme}://{Request.Host}", ct)
            : null;
        if (path is not null) return Redirect(CommentPaths.Back(path, "confirme"));
        await PrepareAsync(Title, ct);
        Message = CommentText.ConfirmInvalid;
        return Page();
    }
}
