using System.Globalization;

namespace Kiosque.Comments;

/// <summary>The moderation queue's wording, French first, English when the newsroom's language cookie asks for it.</summary>
public static class CommentsNewsroomText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static string Title => T("Commentaires", "Comments");
    public static string Intro => T("Les commentaires en attente et signalés d’abord. Raccourcis : j/k pour se déplacer, a approuver, r refuser, s indésirable.",
        "Held and reported comments first. Shortcuts: j/k to move, a approve, r reject, s spam.");
    public static string Filter => T("Filtrer", "Filter");
    public static string StatusLabel => T("État", "Status");
    public static string ArticleLabel => T("Article", "Article");
    public static string AllArticles => T("Tous les articles", "All articles");
    public static string Empty => T("Aucun commentaire ici.", "No comments here.");
    public static string Approve => T("Approuver", "Approve");
    public static string Reject => T("Refuser", "Reject");
    public static string Spam => T("Indésirable", "Spam");
    public static string Delete => T("Supprimer", "Delete");
    public static string Selected => T("La sélection :", "Selected:");
    public static string Select => T("Sélectionner", "Select");
    public static string Reports(int n) => T($"{n} signalement(s)", $"{n} report(s)");
    public static string Held => T("Retenu :", "Held:");
    public static string ReplyTo => T("réponse", "reply");
    public static string Edit => T("Corriger le texte", "Edit the text");
    public static string SaveEdit => T("Enregistrer la correction", "Save the edit");
    public static string Edited => T("Commentaire corrigé ; l’ancien texte est dans le journal.", "Comment edited; the former text is in the audit log.");
    public static string EditInvalid => T("Le texte doit faire entre 1 et 5 000 caractères.", "The text must be 1 to 5,000 characters.");
    public static string EditedMark => T("corrigé", "edited");
    public static string SettingsTitle => T("Réglages des commentaires", "Comment settings");
    public static string SettingsSaved => T("Réglages enregistrés.", "Settings saved.");
    public static string Save => T("Enregistrer", "Save");
    public static string Suspended => T("Suspendre les commentaires sur tout le site", "Suspend comments site-wide");
    public static string SuspendedMessage => T("Message affiché à la place du formulaire", "Message shown instead of the form");
    public static string ShowWhenSuspended => T("Pendant la suspension, laisser visibles les commentaires publiés", "While suspended, keep published comments visible");
    public static string Moderation => T("Modération", "Moderation");
    public static string Pre => T("a priori (tout commentaire attend une validation)", "pre-moderation (every comment waits)");
    public static string Post => T("a posteriori (publication immédiate)", "post-moderation (published at once)");
    public static string HoldFirstTime => T("Retenir le premier commentaire d’une adresse", "Hold an address’s first comment");
    public static string CloseAfterDays => T("Fermer les commentaires après (jours, 0 = jamais)", "Close comments after (days, 0 = never)");
    public static string BannedWords => T("Mots interdits (un par ligne ; le commentaire est retenu)", "Banned words (one per line; the comment is held)");
    public static string BannedDomains => T("Domaines interdits (un par ligne ; le commentaire est refusé)", "Banned link domains (one per line; the comment is refused)");
    public static string MaxLinks => T("Liens par commentaire, au plus", "Links per comment, at most");
    public static string NotifyOnReply => T("Proposer aux lecteurs d’être prévenus des réponses", "Offer readers e-mail on replies");
    public static string DailyDigest => T("Envoyer chaque jour la file de modération à la rédaction", "E-mail the queue to editors daily");
    public static string ConfirmFirstByEmail => T("Faire confirmer par e-mail le premier commentaire d’une adresse", "Confirm an address’s first comment by e-mail");

    public static string Status(string status) => status switch
    {
        QueueFilter.ToModerate => T("À modérer", "To moderate"),
        "pending" => T("En attente", "Pending"),
        "approved" => T("Publiés", "Approved"),
        "rejected" => T("Refusés", "Rejected"),
        "spam" => T("Indésirables", "Spam"),
        "deleted" => T("Supprimés", "Deleted"),
        "unconfirmed" => T("Non confirmés", "Unconfirmed"),
        _ => T("Tous", "All"),
    };

    public static string Done(int count, ModerationAction action) => action switch
    {
        ModerationAction.Approve => T($"{count} commentaire(s) approuvé(s).", $"{count} comment(s) approved."),
        ModerationAction.Reject => T($"{count} commentaire(s) refusé(s).", $"{count} comment(s) rejected."),
        ModerationAction.Spam => T($"{count} commentaire(s) marqué(s) indésirable(s).", $"{count} comment(s) marked as spam."),
        _ => T($"{count} commentaire(s) supprimé(s).", $"{count} comment(s) deleted."),
    };
}
