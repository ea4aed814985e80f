using System.Globalization;
using System.Text.RegularExpressions;
using Kiosque.Content;

namespace Kiosque.Newsroom.Pages.Articles;

/// <summary>The article list's and editor's wording, French first, English when the language cookie asks for it.</summary>
public static partial class ArticlesText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static string Articles => T("Articles", "Articles");
    public static string NewArticle => T("Nouvel article", "New article");
    public static string EditArticle => T("Modifier l’article", "Edit article");
    public static string Filters => T("Filtrer les articles", "Filter articles");
    public static string Search => T("Rechercher", "Search");
    public static string SearchHint => T("Dans le titre et le chapô", "In the headline and standfirst");
    public static string Status => T("Statut", "Status");
    public static string AnyStatus => T("Tous les statuts", "Any status");
    public static string Section => T("Rubrique", "Section");
    public static string AnySection => T("Toutes les rubriques", "Any section");
    public static string Dossier => T("Dossier", "Dossier");
    public static string AnyDossier => T("Tous les dossiers", "Any dossier");
    public static string NoDossier => T("Aucun dossier", "No dossier");
    public static string Author => T("Auteur", "Author");
    public static string AnyAuthor => T("Tous les auteurs", "Any author");
    public static string Mine => T("Seulement les miens", "Only mine");
    public static string Sort => T("Trier par", "Sort by");
    public static string SortUpdated => T("Dernière modification", "Last updated");
    public static string SortPublished => T("Date de publication", "Publication date");
    public static string Apply => T("Filtrer", "Filter");
    public static string Reset => T("Réinitialiser", "Reset");
    public static string Headline => T("Titre", "Headline");
    public static string Authors => T("Auteurs", "Authors");
    public static string Dates => T("Dates", "Dates");
    public static string Updated => T("Modifié", "Updated");
    public static string Published => T("Publié", "Published");
    public static string Edit => T("Modifier", "Edit");
    public static string Open => T("Ouvrir", "Open");
    public static string SeeOnSite => T("Voir sur le site", "See on the site");
    public static string NoArticles => T("Aucun article ne correspond.", "No article matches.");
    public static string Count(int n) => T(n <= 1 ? $"{n} article" : $"{n} articles", n == 1 ? "1 article" : $"{n} articles");
    public static string Previous => T("Page précédente", "Previous page");
    public static string Next => T("Page suivante", "Next page");
    public static string PageOf(int page, int count) => T($"Page {page} sur {count}", $"Page {page} of {count}");
    public static string Pagination => T("Pagination", "Pagination");
    public static string ContributorScope => T("Vous voyez vos articles et les articles publiés.", "You see your own articles and the published ones.");

    public static string StatusName(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => T("Brouillon", "Draft"),
        ArticleStatus.InReview => T("À relire", "In review"),
        ArticleStatus.Scheduled => T("Programmé", "Scheduled"),
        ArticleStatus.Published => T("Publié", "Published"),
        _ => T("Dépublié", "Unpublished"),
    };

    public static string WorkTypeName(Kiosque.Content.WorkType type) => type switch
    {
        Kiosque.Content.WorkType.Analysis => T("Décryptage", "Analysis"),
        Kiosque.Content.WorkType.Opinion => T("Opinion", "Opinion"),
        Kiosque.Content.WorkType.Interview => T("Entretien", "Interview"),
        Kiosque.Content.WorkType.Review => T("Critique", "Review"),
        _ => T("Information", "News"),
    };

    // Editor
    public static string Content => T("Contenu", "Content");
    public static string Kicker => T("Surtitre", "Kicker");
    public static string KickerHint => T("Vide : le nom du dossier s’affiche.", "Empty: the dossier's name shows.");
    public static string HeadlineHint => T("Visez 90 caractères au plus.", "Aim for 90 characters at most.");
    public static string Characters(int n) => T($"{n} caractères", $"{n} characters");
    public static string Slug => T("Adresse (slug)", "Slug");
    public static string SlugHint => T("Vide : tirée du titre. Minuscules, chiffres et tirets.", "Empty: made from the headline. Lower-case letters, digits and hyphens.");
    public static string SlugPublishedWarning => T("Cet article a été publié : changer son adresse crée une redirection depuis l’ancienne.",
        "This article has been published: changing its slug makes the old address redirect to the new one.");
    public static string Standfirst => T("Chapô", "Standfirst");
    public static string Body => T("Corps de l’article", "Body");
    public static string WorkType => T("Type d’article", "Type of work");
    public static string LeadImage => T("Image principale", "Lead image");
    public static string NoImage => T("Pas d’image", "No image");
    public static string ImageSearch => T("Chercher dans la médiathèque", "Search the media library");
    public static string ImageAlt => T("Texte alternatif (obligatoire avec une image)", "Alternative text (required with an image)");
    public static string ImageAltHint => T("Décrit l’image pour qui ne la voit pas.", "Describes the image for those who cannot see it.");
    public static string ImageCaption => T("Légende", "Caption");
    public static string ImageCredit => T("Crédit", "Credit");
    public static string ImageDefaultsHint => T("Vides : la légende et le crédit de la médiathèque s’appliquent.", "Empty: the media library's caption and credit apply.");
    public static string Upload => T("Téléverser une nouvelle image", "Upload a new image");
    public static string UploadFile => T("Fichier (JPEG, PNG, WebP ou GIF)", "File (JPEG, PNG, WebP or GIF)");
    public static string UploadButton => T("Téléverser et choisir", "Upload and choose");
    public static string UploadAlt => T("Texte alternatif de la nouvelle image", "Alternative text of the new image");
    public static string UploadCaption => T("Légende de la nouvelle image", "Caption of the new image");
    public static string UploadCredit => T("Crédit de la nouvelle image", "Credit of the new image");
    public static string Uploaded => T("Image ajoutée à la médiathèque et choisie.", "Image added to the library and chosen.");
    public static string UploadNeedsFile => T("Choisissez un fichier.", "Choose a file.");
    public static string AuthorsHint => T("Maintenez Ctrl (ou Cmd) pour en choisir plusieurs.", "Hold Ctrl (or Cmd) to choose several.");
    public static string Tags => T("Mots-clés", "Tags");
    public static string TagsHint => T("Séparés par des virgules.", "Separated by commas.");
    public static string ReadAlso => T("À lire aussi", "Read also");
    public static string RelatedEmpty => T("Aucun lien pour l’instant.", "No links yet.");
    public static string RelatedSearch => T("Chercher un article publié", "Search a published article");
    public static string RelatedResults => T("Articles trouvés", "Articles found");
    public static string Suggestions => T("Suggestions automatiques", "Automatic suggestions");
    public static string SuggestionsHint => T("Montrées aux lecteurs après vos choix, tant que la liste n’est pas pleine. Acceptez-en une pour la fixer.",
        "Shown to readers after your picks while the list is not full. Accept one to pin it.");
    public static string Accept => T("Accepter", "Accept");
    public static string SuggestionReason(Kiosque.Search.SuggestionReason reason) => reason switch
    {
        Kiosque.Search.SuggestionReason.Dossier => T("même dossier", "same dossier"),
        Kiosque.Search.SuggestionReason.Tags => T("mots-clés communs", "shared tags"),
        _ => T("sujet proche", "similar text"),
    };
    public static string Add => T("Ajouter", "Add");
    public static string AddExternal => T("Ajouter un lien externe", "Add an external link");
    public static string LinkUrl => T("Adresse (URL)", "URL");
    public static string LinkTitle => T("Titre du lien", "Link title");
    public static string LinkSource => T("Source (ex. Le Figaro)", "Source (e.g. Le Figaro)");
    public static string MoveUp => T("Monter", "Move up");
    public static string MoveDown => T("Descendre", "Move down");
    public static string Remove => T("Retirer", "Remove");
    public static string Internal => T("Article", "Article");
    public static string External => T("Lien externe", "External link");
    public static string NoResults => T("Aucun résultat.", "No results.");
    public static string Options => T("Options", "Options");
    public static string CommentsEnabled => T("Commentaires ouverts", "Comments open");
    public static string Seo => T("Référencement", "SEO");
    public static string SeoTitle => T("Titre pour les moteurs et les réseaux", "Title for search engines and social networks");
    public static string SeoDescription => T("Description pour les moteurs et les réseaux", "Description for search engines and social networks");
    public static string SeoHint => T("Vides : le titre et le chapô servent.", "Empty: the headline and standfirst are used.");
    public static string Media => T("Vidéo et son", "Video and audio");
    public static string MediaHint => T("Pour les rubriques vidéo et podcast.", "For video and podcast sections.");
    public static string VideoUrl => T("Adresse de la vidéo (YouTube, Vimeo, Dailymotion ou MP4)", "Video URL (YouTube, Vimeo, Dailymotion or MP4)");
    public static string AudioUrl => T("Adresse du fichier audio", "Audio file URL");
    public static string AudioLength => T("Taille du fichier audio (octets)", "Audio file size (bytes)");
    public static string AudioDuration => T("Durée (secondes)", "Duration (seconds)");
    public static string Workflow => T("Publication", "Publishing");
    public static string Save => T("Enregistrer", "Save");
    public static string Submit => T("Soumettre à la relecture", "Submit for review");
    public static string Publish => T("Publier", "Publish");
    public static string Schedule => T("Programmer", "Schedule");
    public static string ScheduleAt => T("Date et heure de publication", "Publication date and time");
    public static string TimeZoneHint(string zone) => T($"Fuseau horaire : {zone}.", $"Time zone: {zone}.");
    public static string Unpublish => T("Dépublier", "Unpublish");
    public static string BackToDraft => T("Repasser en brouillon", "Return to draft");
    public static string Preview => T("Aperçu", "Preview");
    public static string Revisions => T("Versions", "Revisions");
    public static string CurrentStatus => T("Statut :", "Status:");
    public static string ScheduledFor => T("prévu le", "scheduled for");
    public static string PublishedOn => T("publié le", "published on");
    public static string Saved => T("Article enregistré.", "Article saved.");
    public static string SavedDone(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => T("Article soumis à la relecture.", "Article submitted for review."),
        ArticleStatus.Scheduled => T("Article programmé.", "Article scheduled."),
        ArticleStatus.Published => T("Article publié.", "Article published."),
        ArticleStatus.Unpublished => T("Article dépublié.", "Article unpublished."),
        _ => Saved,
    };
    public static string FixErrors => T("L’article n’a pas été enregistré : corrigez les champs signalés.", "The article was not saved: fix the fields shown.");
    public static string ConflictTitle => T("Quelqu’un a modifié cet article pendant que vous écriviez…", "Someone changed this article while you were writing…");
    public static string ConflictText => T("Rien n’a été enregistré ni écrasé. Vos saisies sont conservées ci-dessous : copiez ce que vous voulez garder, puis rechargez l’article pour repartir de la nouvelle version.",
        "Nothing was saved or overwritten. What you typed is kept below: copy what you want to keep, then reload the article to start from the new version.");
    public static string SeeOtherVersion => T("Voir l’autre version (nouvel onglet)", "See the other version (new tab)");
    public static string ReloadArticle => T("Recharger l’article", "Reload the article");
    public static string Refused => T("Action refusée :", "Not allowed:");
    public static string ReadOnly => T("Vous pouvez lire cet article mais pas le modifier.", "You can read this article but not change it.");
    public static string ScheduleNeedsDate => T("Indiquez une date et une heure à venir.", "Give a date and time in the future.");
    public static string Corrections => T("Notes de mise à jour", "Update notes");
    public static string CorrectionsHint => T("Les lecteurs voient « Mis à jour le … : » suivi de la note.", "Readers see “Mis à jour le … :” followed by the note.");
    public static string CorrectionText => T("Nouvelle note", "New note");
    public static string AddCorrection => T("Ajouter la note", "Add the note");
    public static string CorrectionAdded => T("Note de mise à jour ajoutée.", "Update note added.");
    public static string AutosaveStopped => T("Enregistrement automatique arrêté : l’article n’est plus un brouillon.", "Autosave stopped: the article is no longer a draft.");
    public static string AutosaveWaiting => T("Pas encore enregistré automatiquement : il manque un titre ou une rubrique valides.", "Not autosaved yet: a valid headline or section is missing.");
    public static string AutosavedAt(string time) => T($"Enregistré à {time}", $"Saved at {time}");
    public static string AutosaveFailed => T("Enregistrement automatique impossible pour l’instant ; utilisez « Enregistrer ».", "Autosave failed for now; use “Save”.");
    public static string Autosave => T("Enregistrement automatique", "Autosave");
    public static string Required => T("Obligatoire.", "Required.");

    // Revisions and preview
    public static string RevisionsOf(string headline) => T($"Versions de « {headline} »", $"Revisions of “{headline}”");
    public static string Number => T("N°", "No.");
    public static string When => T("Date", "Date");
    public static string Who => T("Par", "By");
    public static string Kind => T("Nature", "Kind");
    public static string KindName(Kiosque.Content.Workflow.RevisionKind kind) => kind switch
    {
        Kiosque.Content.Workflow.RevisionKind.Created => T("Création", "Created"),
        Kiosque.Content.Workflow.RevisionKind.Restored => T("Restauration", "Restored"),
        Kiosque.Content.Workflow.RevisionKind.Baseline => T("État initial", "Baseline"),
        _ => T("Modification", "Edit"),
    };
    public static string Compare => T("Comparer", "Compare");
    public static string From => T("Version de départ", "From revision");
    public static string To => T("Version d’arrivée", "To revision");
    public static string DiffTitle(int from, int to) => T($"Différences entre les versions {from} et {to}", $"Differences between revisions {from} and {to}");
    public static string NoDifference => T("Aucune différence.", "No difference.");
    public static string Restore => T("Restaurer", "Restore");
    public static string RestoreConfirm(int n) => T($"Je veux restaurer la version {n} (une nouvelle version est créée, rien n’est perdu)",
        $"I want to restore revision {n} (a new revision is made, nothing is lost)");
    public static string Restored(int n) => T($"Version {n} restaurée.", $"Revision {n} restored.");
    public static string ConfirmRequired => T("Cochez la case pour confirmer.", "Tick the box to confirm.");
    public static string BackToEditor => T("Retour à l’éditeur", "Back to the editor");
    public static string PreviewBanner => T("Aperçu — non publié", "Preview — not published");
    public static string PreviewBack => T("Retour à l’éditeur", "Back to the editor");
    public static string Deleted => T("supprimé", "deleted");
    public static string Inserted => T("ajouté", "inserted");

    public static string FieldName(string field) => field switch
    {
        "section" => Section,
        "dossier" => Dossier,
        "kicker" => Kicker,
        "headline" => Headline,
        "slug" => Slug,
        "standfirst" => Standfirst,
        "bodyHtml" => Body,
        "workType" => WorkType,
        "seoTitle" => SeoTitle,
        "seoDescription" => SeoDescription,
        "leadImage" => LeadImage,
        "authors" => Authors,
        "tags" => Tags,
        "related" => ReadAlso,
        "commentsEnabled" => CommentsEnabled,
        "videoUrl" => VideoUrl,
        "audioUrl" => AudioUrl,
        "audioLength" => AudioLength,
        "audioDurationSeconds" => AudioDuration,
        _ => field,
    };

    /// <summary>The shared request validation speaks English (for the API); the newsroom shows it in its own language.</summary>
    public static string Translate(string message)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en") return message;
        if (message == "Required.") return "Obligatoire.";
        if (AtMost().Match(message) is { Success: true } m) return $"{m.Groups[1].Value} caractères au plus.";
        if (message.StartsWith("A slug is", StringComparison.Ordinal)) return "Une adresse s’écrit en minuscules, chiffres et tirets simples, ex. « guerre-en-ukraine ».";
        if (message.StartsWith("Must be an absolute", StringComparison.Ordinal)) return "Une adresse http(s) complète, ou un chemin du site commençant par /.";
        if (message.StartsWith("The headline gives no slug", StringComparison.Ordinal)) return "Le titre ne donne pas d’adresse : indiquez-en une.";
        if (message.StartsWith("A tag needs", StringComparison.Ordinal)) return "Un mot-clé doit contenir des lettres ou des chiffres.";
        if (message.StartsWith("Give either", StringComparison.Ordinal)) return "Un article, ou une adresse avec un titre.";
        if (message.StartsWith("Must not be negative", StringComparison.Ordinal)) return "Pas de nombre négatif.";
        if (message.StartsWith("No section", StringComparison.Ordinal)) return "Choisissez une rubrique.";
        if (message.StartsWith("No dossier", StringComparison.Ordinal)) return "Ce dossier n’existe pas.";
        if (message.StartsWith("No media item", StringComparison.Ordinal)) return "Cette image n’existe plus dans la médiathèque.";
        if (message.StartsWith("No author", StringComparison.Ordinal)) return "Cet auteur n’existe pas.";
        if (message.StartsWith("An article cannot recommend itself", StringComparison.Ordinal)) return "Un article ne peut pas se recommander lui-même.";
        if (message.StartsWith("No article", StringComparison.Ordinal)) return "Cet article n’existe plus.";
        if (message.StartsWith("A scheduled article needs", StringComparison.Ordinal)) return ScheduleNeedsDate;
        if (message.StartsWith("The slug", StringComparison.Ordinal)) return "Cette adresse est déjà prise par un autre article.";
        if (message.StartsWith("Contributors", StringComparison.Ordinal) || message.StartsWith("Only editors", StringComparison.Ordinal))
            return "Seuls les éditeurs publient, programment et dépublient ; un contributeur enregistre et soumet ses propres brouillons.";
        return message;
    }

    [GeneratedRegex(@"^At most (\d+) characters\.$")]
    private static partial Regex AtMost();
}
