using System.Globalization;

namespace Kiosque.Newsletter;

/// <summary>
/// The newsroom's newsletter pages, French first, English when the newsroom's language cookie asks for it. The API
/// reuses the validation messages, in French (it has no language cookie).
/// </summary>
public static class NewsletterNewsroomText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static string Title => T("Newsletter", "Newsletter");
    public static string Status(EditionStatus status) => status switch
    {
        EditionStatus.Draft => T("brouillon", "draft"),
        EditionStatus.Scheduled => T("programmée", "scheduled"),
        EditionStatus.Sending => T("envoi en cours", "sending"),
        _ => T("envoyée", "sent"),
    };

    // The newsletter home
    public static string Lists => T("Les newsletters", "Newsletters");
    public static string List => T("Newsletter", "Newsletter");
    public static string Confirmed => T("Abonnés confirmés", "Confirmed subscribers");
    public static string Pending => T("En attente de confirmation", "Awaiting confirmation");
    public static string SignUps => T("Inscriptions", "Sign-ups");
    public static string Open => T("ouvertes", "open");
    public static string Closed => T("fermées", "closed");
    public static string ManageLists => T("Gérer les newsletters", "Manage newsletters");
    public static string ManageSubscribers => T("Abonnés (export, effacement)", "Subscribers (export, erasure)");
    public static string NewEdition => T("Nouvelle édition", "New edition");
    public static string CreateDraft => T("Créer le brouillon", "Create the draft");
    public static string Editions => T("Éditions", "Editions");
    public static string NoEdition => T("Aucune édition pour l’instant.", "No edition yet.");
    public static string State => T("État", "Status");
    public static string Date => T("Date", "Date");
    public static string SentCount => T("Envoyés", "Sent");

    // One edition
    public static string Subject => T("Objet de l’e-mail", "E-mail subject");
    public static string Intro => T("Introduction", "Introduction");
    public static string IntroHint => T("Une ligne vide sépare les paragraphes. Chaque bouton de la page enregistre aussi l’objet et l’introduction.",
        "A blank line separates paragraphs. Every button on this page also saves the subject and introduction.");
    public static string Save => T("Enregistrer", "Save");
    public static string Saved => T("Édition enregistrée.", "Edition saved.");
    public static string Content => T("Objet et introduction", "Subject and introduction");
    public static string Preview => T("Aperçu (nouvel onglet)", "Preview (new tab)");
    public static string PublicPage => T("Page publique", "Public page");
    public static string ScheduledFor(string when) => T($"envoi prévu le {when}", $"to be sent {when}");
    public static string SentOn(string when) => T($"envoyée le {when}", $"sent {when}");
    public static string LastError(string error) => T($"Dernier problème d’envoi : {error}", $"Last sending problem: {error}");
    public static string ErrorsTitle => T("L’édition n’a pas été modifiée :", "The edition was not changed:");
    public static string Articles => T("Articles", "Articles");
    public static string NoArticle => T("Aucun article : remplissez avec les derniers articles des rubriques choisies, ou ajoutez-en un.",
        "No article yet: fill with the latest articles of the sections you choose, or add one.");
    public static string MoveUp => T("Monter", "Move up");
    public static string MoveDown => T("Descendre", "Move down");
    public static string Remove => T("Retirer", "Remove");
    public static string FillFrom => T("Remplir avec les derniers articles de :", "Fill with the latest articles of:");
    public static string PerSection => T("Articles par rubrique", "Articles per section");
    public static string Fill => T("Remplir", "Fill");
    public static string Filled(int n) => T($"{n} article(s) ajouté(s).", $"{n} article(s) added.");
    public static string NoSection => T("Cochez au moins une rubrique.", "Tick at least one section.");
    public static string AddArticle => T("Ajouter un article publié", "Add a published article");
    public static string Add => T("Ajouter", "Add");
    public static string Added => T("Article ajouté.", "Article added.");
    public static string NotAdded => T("Cet article n’a pas pu être ajouté (déjà présent ou non publié).", "This article could not be added (already there or not published).");
    public static string Removed => T("Article retiré.", "Article removed.");
    public static string Moved => T("Ordre modifié.", "Order changed.");
    public static string Sending => T("Envoi", "Sending");
    public static string TestTo => T("Envoyer un test à", "Send a test to");
    public static string SendTest => T("Envoyer le test", "Send the test");
    public static string TestSent(string to) => T($"Test envoyé à {to}.", $"Test sent to {to}.");
    public static string TestAddressInvalid => T("Indiquez une adresse e-mail valide pour le test.", "Enter a valid e-mail address for the test.");
    public static string TestFailed(string why) => T($"Le test n’a pas pu être envoyé : {why}", $"The test could not be sent: {why}");
    public static string ScheduleAt(string zone) => T($"Programmer l’envoi (heure de {zone})", $"Schedule sending ({zone} time)");
    public static string Schedule => T("Programmer", "Schedule");
    public static string Scheduled(string when) => T($"Envoi programmé le {when}.", $"Sending scheduled for {when}.");
    public static string ScheduleMissing => T("Indiquez une date et une heure d’envoi.", "Enter a sending date and time.");
    public static string SchedulePast => T("Cette date est passée : choisissez-en une à venir, ou envoyez maintenant.", "This time is past: choose a later one, or send now.");
    public static string SendNow(int audience) => T($"Envoyer maintenant à {audience} abonné(s)", $"Send now to {audience} subscriber(s)");
    public static string SendStarted => T("Envoi lancé : les chiffres se mettent à jour au fil de l’envoi.", "Sending started: the figures update as it goes.");
    public static string Unschedule => T("Annuler la programmation", "Cancel the schedule");
    public static string Unscheduled => T("Programmation annulée : l’édition est redevenue un brouillon.", "Schedule cancelled: the edition is a draft again.");
    public static string NeedsArticle => T("Ajoutez au moins un article avant d’envoyer.", "Add at least one article before sending.");
    public static string AlreadySent => T("Cette édition est déjà envoyée ou en cours d’envoi.", "This edition is already sent or being sent.");
    public static string NotEditable => T("Cette édition ne peut plus être modifiée.", "This edition can no longer be changed.");
    public static string Figures => T("Chiffres", "Figures");
    public static string Recipients => T("Destinataires", "Recipients");
    public static string Sent => T("Envoyés", "Sent");
    public static string Waiting => T("En attente", "Waiting");
    public static string Failed => T("Échecs", "Failed");
    public static string Bounced => T("Adresses rejetées (bounce)", "Bounced addresses");
    public static string Skipped => T("Non envoyés (désinscrits entre-temps)", "Not sent (unsubscribed meanwhile)");
    public static string Unsubscribed => T("Désinscriptions depuis cette édition", "Unsubscribes from this edition");

    // Validation, shared with the API
    public static string SubjectRequired => T("Indiquez l’objet de l’e-mail.", "Enter the e-mail subject.");
    public static string AtMost(int n) => T($"{n} caractères au plus.", $"At most {n} characters.");
    public static string NoSuchList => T("Cette newsletter n’existe pas.", "This newsletter does not exist.");
    public static string ArticlesNotFound(string ids) => T($"Articles introuvables ou non publiés : {ids}.", $"Articles not found or not published: {ids}.");

    // Lists
    public static string Name => T("Nom", "Name");
    public static string Description => T("Description", "Description");
    public static string OpenForSignUp => T("Ouverte aux inscriptions", "Open for sign-up");
    public static string NewList => T("Nouvelle newsletter", "New newsletter");
    public static string Create => T("Créer", "Create");
    public static string ListSaved => T("Newsletter enregistrée.", "Newsletter saved.");
    public static string ListInvalid => T("Le nom est obligatoire (100 caractères au plus) ; la description fait 1 000 caractères au plus.",
        "The name is required (at most 100 characters); the description has at most 1,000 characters.");

    // Subscribers
    public static string Subscribers => T("Abonnés", "Subscribers");
    public static string ExportAll => T("Export de tous les abonnés :", "Export every subscriber:");
    public static string Find => T("Adresse (ou début d’adresse)", "Address (or its beginning)");
    public static string Search => T("Chercher", "Search");
    public static string NoneFound => T("Aucun abonné ne correspond.", "No subscriber matches.");
    public static string Address => T("Adresse", "Address");
    public static string SignedUpOn => T("Inscrit(e) le", "Signed up");
    public static string ConfirmedOn => T("Confirmé(e) le", "Confirmed");
    public static string Bounce => T("Rejet", "Bounce");
    public static string PersonalData => T("Données personnelles", "Personal data");
    public static string EraseConfirm => T("Je confirme l’effacement", "I confirm the erasure");
    public static string Erase => T("Effacer définitivement", "Erase for good");
    public static string Erased => T("Abonné(e) effacé(e) : son adresse n’est plus nulle part.", "Subscriber erased: their address is nowhere any more.");
    public static string EraseNotConfirmed => T("Rien n’est effacé : cochez d’abord la confirmation.", "Nothing erased: tick the confirmation first.");
    public static string NoSuchSubscriber => T("Cet abonné n’existe plus.", "This subscriber no longer exists.");
}
