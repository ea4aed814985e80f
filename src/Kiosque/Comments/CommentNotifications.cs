using System.Net;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kiosque.Comments;

/// <summary>The e-mails comments send readers: confirming a first comment, and "someone replied to you".</summary>
public sealed class CommentNotifications(KiosqueDb db, EmailSender email, CommentTokens tokens, IOptions<KiosqueOptions> kiosque,
    ILogger<CommentNotifications> log)
{
    public const string ConfirmPurpose = "confirm";
    public const string UnsubscribePurpose = "unsubscribe";

    string Base(string requestBase) =>
        string.IsNullOrWhiteSpace(kiosque.Value.PublicUrl) ? requestBase.TrimEnd('/') : kiosque.Value.PublicUrl.TrimEnd('/');

    public async Task SendConfirmationAsync(Comment comment, CommentArticle article, string baseUrl, CancellationToken ct)
    {
        var link = $"{Base(baseUrl)}/commentaires/confirmer?jeton={Uri.EscapeDataString(tokens.Link(ConfirmPurpose, comment.Id))}";
        var text = $"Bonjour {comment.AuthorName},\n\nPour publier votre commentaire sur « {article.Headline} », confirmez votre adresse en ouvrant ce lien :\n{link}\n\n" +
                   "Si vous n’avez rien écrit, ignorez ce message.";
        var html = $"<p>Bonjour {WebUtility.HtmlEncode(comment.AuthorName)},</p><p>Pour publier votre commentaire sur « {WebUtility.HtmlEncode(article.Headline)} », " +
                   $"confirmez votre adresse :</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">Confirmer mon commentaire</a></p>" +
                   "<p>Si vous n’avez rien écrit, ignorez ce message.</p>";
        await SendQuietlyAsync(new EmailMessage(comment.AuthorEmail, "Confirmez votre commentaire", text, html), ct);
    }

    /// <summary>
    /// Called when a comment becomes visible: if it is a reply and the parent's author asked for it (and is not
    /// replying to themselves), they get one e-mail with a link to stop.
    /// </summary>
    public async Task ReplyApprovedAsync(int replyId, string baseUrl, CancellationToken ct)
    {
        var row = await db.Comments.AsNoTracking().Where(r => r.Id == replyId && r.ParentId != null)
            .Join(db.Comments.AsNoTracking(), r => r.ParentId, p => p.Id, (r, p) => new { Reply = r, Parent = p })
            .Join(db.Articles.AsNoTracking(), x => x.Reply.ArticleId, a => a.Id,
                (x, a) => new { x.Reply, x.Parent, a.Headline, Path = "/" + a.Section.Slug + "/" + a.Slug })
            .FirstOrDefaultAsync(ct);
        if (row is null || !row.Parent.NotifyOnReply || row.Parent.Status != CommentStatus.Approved
            || row.Parent.AuthorEmail == row.Reply.AuthorEmail) return;
        var notify = await db.SiteSettings.AsNoTracking().Where(x => x.Id == Content.SiteSettings.SingletonId).Select(s => s.CommentsNotifyOnReply).FirstOrDefaultAsync(ct);
        if (!notify) return;

        var site = Base(baseUrl);
        var article = $"{site}{row.Path}#commentaire-{row.Reply.Id}";
        var unsubscribe = $"{site}/commentaires/desabonnement?jeton={Uri.EscapeDataString(tokens.Link(UnsubscribePurpose, row.Parent.Id))}";
        var text = $"Bonjour {row.Parent.AuthorName},\n\n{row.Reply.AuthorName} a répondu à votre commentaire sur « {row.Headline} » :\n\n" +
                   $"{row.Reply.Body}\n\nLire la discussion : {article}\n\nNe plus recevoir ces e-mails : {unsubscribe}\n";
        var html = $"<p>Bonjour {WebUtility.HtmlEncode(row.Parent.AuthorName)},</p>" +
                   $"<p>{WebUtility.HtmlEncode(row.Reply.AuthorName)} a répondu à votre commentaire sur « {WebUtility.HtmlEncode(row.Headline)} » :</p>" +
                   $"<blockquote>{CommentFormatting.ToHtml(row.Reply.Body).ToHtmlString()}</blockquote>" +
                   $"<p><a href=\"{WebUtility.HtmlEncode(article)}\">Lire la discussion</a></p>" +
                   $"<p><a href=\"{WebUtility.HtmlEncode(unsubscribe)}\">Ne plus recevoir ces e-mails</a></p>";
        await SendQuietlyAsync(new EmailMessage(row.Parent.AuthorEmail, $"Nouvelle réponse à votre commentaire : {row.Headline}", text, html), ct);
    }

    // The comment is saved whatever the mail server says: a failed notification is logged, not the reader's error.
    async Task SendQuietlyAsync(EmailMessage message, CancellationToken ct)
    {
        try
        {
            await email.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Comment e-mail to {To} failed.", message.To);
        }
    }
}

static class HtmlContentExtensions
{
    public static string ToHtmlString(this Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
