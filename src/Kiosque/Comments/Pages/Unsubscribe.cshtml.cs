using Kiosque.Site;
using Microsoft.AspNetCore.Mvc;

namespace Kiosque.Comments.Pages;

/// <summary>The unsubscribe link of reply notifications; like confirmation, only the POST changes anything.</summary>
public sealed class UnsubscribeModel(SiteContext site, CommentTokens tokens, CommentSubmission submission) : CommentPageModel(site)
{
    public string? Token { get; private set; }

    public async Task OnGetAsync(string? jeton, CancellationToken ct)
    {
        await PrepareAsync(CommentText.UnsubscribeTitle, ct);
        Token = jeton;
        if (tokens.ReadLink(CommentNotifications.UnsubscribePurpose, jeton) is null) Message = CommentText.ConfirmInvalid;
    }

    public async Task<IActionResult> OnPostAsync(string? jeton, CancellationToken ct)
    {
        await PrepareAsync(CommentText.UnsubscribeTitle, ct);
        Message = tokens.ReadLink(CommentNotifications.UnsubscribePurpose, jeton) is { } id && await submission.UnsubscribeAsync(id, ct)
            ? CommentText.Unsubscribed
            : CommentText.ConfirmInvalid;
        return Page();
    }
}
