using System.Globalization;
using Kiosque.Content;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Kiosque.Newsroom;

/// <summary>Wording of the media library, front page, settings and audit log pages, French first.</summary>
public static class AdminText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static string Media => T("Médiathèque", "Media library");
    public static string FrontPage => T("La une", "Front page");
    public static string Settings => T("Réglages", "Settings");
    public static string AuditLog => T("Journal", "Audit log");

    public static string Search => T("Rechercher", "Search");
    public static string SearchMedia => T("Texte alternatif, légende ou crédit", "Alt text, caption or credit");
    public static string Upload => T("Ajouter des images", "Add images");
    public static string UploadButton => T("Envoyer", "Upload");
    public static string ChooseFiles => T("Fichiers (JPEG, PNG, WebP ou GIF)", "Files (JPEG, PNG, WebP or GIF)");
    public static string DropHint => T("Vous pouvez aussi les déposer ici.", "You can also drop them here.");
    public static string MaxSize(long bytes) => T($"{bytes / 1024 / 1024} Mo au plus par fichier.", $"At most {bytes / 1024 / 1024} MB per file.");
    public static string Uploaded(int n) => T($"{n} image(s) ajoutée(s).", $"{n} image(s) added.");
    public static string NothingUploaded => T("Aucune image enregistrée : corrigez les fichiers refusés et recommencez.", "No image was saved: fix the refused files and try again.");
    public static string NoFile => T("Choisissez au moins un fichier.", "Choose at least one file.");
    public static string TooLarge(long bytes) => T($"Fichier trop lourd ({bytes / 1024 / 1024} Mo au plus).", $"File too large (at most {bytes / 1024 / 1024} MB).");
    public static string NotAnImage => T("Ce fichier n’est pas une image JPEG, PNG, WebP ou GIF.", "This file is not a JPEG, PNG, WebP or GIF image.");
    public static string Rejected(string reason) => T($"Fichier refusé : {reason}", $"File refused: {reason}");
    public static string NoAlt => T("sans texte alternatif", "no alt text");
    public static string Alt => T("Texte alternatif par défaut", "Default alt text");
    public static string Caption => T("Légende par défaut", "Default caption");
    public static string Credit => T("Crédit", "Credit");
    public static string Edit => T("Modifier", "Edit");
    public static string Delete => T("Supprimer", "Delete");
    public static string UsedBy => T("Utilisée par", "Used by");
    public static string Unused => T("Utilisée nulle part.", "Not used anywhere.");
    public static string AuthorPhoto => T("photo de signature", "byline photo");
    public static string CannotDeleteUsed => T("Cette image est utilisée : retirez-la d’abord des articles et signatures.", "This image is in use: remove it from articles and bylines first.");
    public static string Deleted => T("Supprimé.", "Deleted.");
    public static string Saved => T("Modification enregistrée.", "Change saved.");
    public static string NotYours => T("Vous ne pouvez modifier que les images que vous avez ajoutées.", "You can only edit the images you uploaded.");
    public static string BackToMedia => T("Retour à la médiathèque", "Back to the media library");
    public static string Previous => T("Précédent", "Previous");
    public static string Next => T("Suivant", "Next");
    public static string PageOf(int page, int count) => T($"Page {page} sur {count}", $"Page {page} of {count}");
    public static string NoResults => T("Aucun résultat.", "No results.");

    public static string FrontPageIntro => T("L’article en position 1 fait l’ouverture du site ; les suivants viennent ensuite, avant les dernières parutions. Un article dépublié disparaît de la une.",
        "The article in position 1 leads the site; the next ones follow, before the latest stories. An unpublished article leaves the front page.");
    public static string Lead => T("Ouverture", "Lead story");
    public static string Slots => T("Emplacements", "Slots");
    public static string NoSlots => T("Aucun emplacement : la une montre les derniers articles publiés.", "No slots: the front page shows the latest published articles.");
    public static string NotPublic => T("non publié : masqué", "not published: hidden");
    public static string MoveUp => T("Monter", "Move up");
    public static string MoveDown => T("Descendre", "Move down");
    public static string Remove => T("Retirer", "Remove");
    public static string PinLead => T("Mettre en ouverture", "Pin as lead");
    public static string AddArticle => T("Ajouter un article publié", "Add a published article");
    public static string Headline => T("Titre", "Headline");
    public static string Add => T("Ajouter", "Add");
    public static string AlreadyOnFrontPage => T("déjà à la une", "already on the front page");
    public static string ArticleNotPublic => T("Seul un article publié peut être mis à la une.", "Only a published article can go on the front page.");

    public static string SettingsIntro => T("La structure du site : rubriques, dossiers, signatures, pages, navigation et réglages généraux.",
        "The site's structure: sections, dossiers, bylines, pages, navigation and general settings.");
    public static string Sections => T("Rubriques", "Sections");
    public static string Dossiers => T("Dossiers", "Dossiers");
    public static string Authors => T("Signatures", "Authors");
    public static string Pages => T("Pages", "Pages");
    public static string Navigation => T("Navigation", "Navigation");
    public static string Site => T("Site", "Site");
    public static string Name => T("Nom", "Name");
    public static string Slug => T("Adresse (slug)", "Slug");
    public static string SlugHint => T("Laissé vide, il est tiré du nom.", "Left empty, it is made from the name.");
    public static string Description => T("Description", "Description");
    public static string Kind => T("Type", "Kind");
    public static string KindName(SectionKind kind) => kind switch
    {
        SectionKind.Video => T("Vidéo", "Video"),
        SectionKind.Podcast => T("Podcast", "Podcast"),
        _ => T("Standard", "Standard"),
    };
    public static string Articles => T("Articles", "Articles");
    public static string Create => T("Créer", "Create");
    public static string New(string what) => T($"Nouveau : {what}", $"New: {what}");
    public static string Editing(string name) => T($"Modifier « {name} »", $"Edit “{name}”");
    public static string Save => T("Enregistrer", "Save");
    public static string Cancel => T("Annuler", "Cancel");
    public static string OnlyEmpty => T("Seul un élément sans article peut être supprimé.", "Only an item without articles can be deleted.");
    public static string Bio => T("Biographie", "Bio");
    public static string Photo => T("Photo (médiathèque)", "Photo (media library)");
    public static string NoPhoto => T("Aucune", "None");
    public static string LinkedUser => T("Compte de la rédaction", "Newsroom account");
    public static string NoUser => T("Aucun", "None");
    public static string NewAuthor => T("Nouvelle signature", "New author");
    public static string BioHint => T("Texte brut, affiché sur la page de l’auteur.", "Plain text, shown on the author's page.");
    public static string PhotoHint => T("Une autre image ? Ajoutez-la d’abord à la médiathèque.", "Another image? Add it to the media library first.");
    public static string NoSuchPhoto => T("Cette image n’existe plus dans la médiathèque.", "This image is no longer in the media library.");
    public static string NoSuchUser => T("Ce compte n’existe plus.", "This account no longer exists.");
    public static string AuthorInUse => T("Cette signature est utilisée par des articles : elle ne peut pas être supprimée.", "Articles use this byline: it cannot be deleted.");
    public static string AuthorSigns(int n) => T($"Signe {n} article(s) : ne peut pas être supprimée.", $"Signs {n} article(s): cannot be deleted.");
    public static string Title => T("Titre", "Title");
    public static string Body => T("Texte", "Body");
    public static string Status => T("État", "Status");
    public static string Draft => T("Brouillon", "Draft");
    public static string Published => T("Publiée", "Published");
    public static string Label => T("Libellé", "Label");
    public static string Url => T("Adresse", "URL");
    public static string AddRow => T("Ajouter une ligne", "Add a row");
    public static string NavigationIntro => T("Les liens du menu du site, dans l’ordre. Une adresse commence par / (page du site) ou https://.",
        "The site menu's links, in order. A URL starts with / (a page of the site) or https://.");
    public static string NotSavedYet => T("Pas encore enregistré : cliquez sur « Enregistrer ».", "Not saved yet: click “Save”.");
    public static string SiteName => T("Nom du site", "Site name");
    public static string Tagline => T("Slogan", "Tagline");
    public static string SiteLanguage => T("Langue (fr, fr-FR…)", "Language (fr, fr-FR…)");
    public static string TimeZone => T("Fuseau horaire", "Time zone");
    public static string CommentsSuspended => T("Suspendre les commentaires sur tout le site", "Suspend comments site-wide");
    public static string CommentsSuspendedMessage => T("Message aux lecteurs", "Message to readers");
    public static string UnknownTimeZone => T("Fuseau horaire inconnu (ex. Europe/Paris).", "Unknown time zone (e.g. Europe/Paris).");

    public static string AuditIntro => T("Qui a fait quoi, sur quel élément, et quand : les plus récents d’abord.", "Who did what to which item, and when: newest first.");
    public static string Action => T("Action", "Action");
    public static string Actor => T("Auteur de l’action", "Actor");
    public static string Entity => T("Élément", "Item");
    public static string When => T("Quand", "When");
    public static string All => T("Tous", "All");
    public static string Filter => T("Filtrer", "Filter");

    public static string Failure(FieldError e) => e.Failure switch
    {
        RuleFailure.Required => T("Obligatoire.", "Required."),
        RuleFailure.TooLong => T($"{e.Limit} caractères au plus.", $"At most {e.Limit} characters."),
        RuleFailure.BadSlug => T("Lettres minuscules, chiffres et tirets simples, ex. « guerre-en-ukraine ».", "Lower-case letters, digits and single hyphens, e.g. “guerre-en-ukraine”."),
        RuleFailure.NoSlugFromName or RuleFailure.NoSlugFromTitle => T("Impossible de tirer une adresse du nom : indiquez-en une.", "No slug can be made from the name: type one."),
        RuleFailure.BadLink => T("Une adresse commençant par / ou par http(s)://.", "A URL starting with / or http(s)://."),
        RuleFailure.BadLanguage => T("Un code de langue, ex. « fr » ou « fr-FR ».", "A language code, e.g. “fr” or “fr-FR”."),
        RuleFailure.TooMany => T($"{e.Limit} au plus.", $"At most {e.Limit}."),
        _ => T("Invalide.", "Invalid."),
    };

    public static string Conflict(SlugConflict conflict, string slug) => conflict switch
    {
        SlugConflict.Reserved => T($"« {slug} » est réservé aux adresses de l’application.", $"“{slug}” is reserved for the application's own URLs."),
        SlugConflict.Section => T($"La rubrique « {slug} » utilise déjà /{slug}.", $"The section “{slug}” already uses /{slug}."),
        SlugConflict.Page => T($"La page « {slug} » utilise déjà /{slug}.", $"The page “{slug}” already uses /{slug}."),
        _ => "",
    };

    public static string Taken(string slug) => T($"L’adresse « {slug} » est déjà prise.", $"The slug “{slug}” is taken.");

    /// <summary>Puts the shared rules' failures on the form's fields: "name" → "Input.Name".</summary>
    public static void AddTo(this ModelStateDictionary state, IEnumerable<FieldError> errors, string prefix = "Input")
    {
        foreach (var e in errors)
            state.AddModelError($"{prefix}{(prefix.Length > 0 ? "." : "")}{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}", Failure(e));
    }
}
