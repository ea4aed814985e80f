using System.Net;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Accounts;

/// <summary>The account e-mails, in French, each with an HTML and a plain-text part.</summary>
public sealed class AccountMails(KiosqueDb db, EmailSender sender)
{
    public async Task SendPasswordResetAsync(string to, string link, CancellationToken ct)
    {
        var site = await SiteNameAsync(ct);
        var subject = $"{site} : choisissez un nouveau mot de passe";
        string[] paragraphs =
        [
            "Bonjour,",
            $"Quelqu’un (vous, espérons-le) a demandé à changer le mot de passe de votre compte de la rédaction de {site}.",
            "Pour choisir un nouveau mot de passe, ouvrez ce lien dans les 2 heures ; il ne sert qu’une fois :",
        ];
        string[] after = ["Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé."];
        await sender.SendAsync(Compose(to, subject, paragraphs, link, after), ct);
    }

    public async Task SendInvitationAsync(string to, string invitedBy, string role, string link, CancellationToken ct)
    {
        var site = await SiteNameAsync(ct);
        var subject = $"Invitation à rejoindre la rédaction de {site}";
        string[] paragraphs =
        [
            "Bonjour,",
            $"{invitedBy} vous invite à rejoindre la rédaction de {site} ({RoleInFrench(role)}).",
            "Pour activer votre compte et choisir votre mot de passe, ouvrez ce lien dans les 24 heures ; il ne sert qu’une fois :",
        ];
        string[] after = ["Si vous ne vous attendiez pas à cette invitation, ignorez ce message."];
        await sender.SendAsync(Compose(to, subject, paragraphs, link, after), ct);
    }

    static EmailMessage Compose(string to, string subject, string[] before, string link, string[] after)
    {
        var text = string.Join("\n\n", [.. before, link, .. after]) + "\n";
        var html = "<!DOCTYPE html><html lang=\"fr\"><body>"
            + string.Concat(before.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"
            + string.Concat(after.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + "</body></html>";
        return new EmailMessage(to, subject, text, html);
    }

    async Task<string> SiteNameAsync(CancellationToken ct) =>
        await db.SiteSettings.Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "Kiosque";

    static string RoleInFrench(string role) => role switch
    {
        "admin" => "administrateur",
        "editor" => "éditeur",
        _ => "contributeur",
    };
}
