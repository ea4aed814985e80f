using System.Globalization;

namespace Kiosque.Import;

/// <summary>
/// The import's wording, French first, English when the UI culture is English: the pages follow the newsroom's
/// language cookie; a background job writes its report in the newsroom's first language (<see cref="JobCulture"/>);
/// the command line, like the rest of it, speaks English (<see cref="CliCulture"/>).
/// </summary>
public static class ImportText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static CultureInfo JobCulture => Newsroom.NewsroomFeature.Cultures[0];
    public static CultureInfo CliCulture { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Runs <paramref name="work"/> with both cultures set to <paramref name="culture"/>, restoring them after.</summary>
    public static async Task<T> InCultureAsync<T>(CultureInfo culture, Func<Task<T>> work)
    {
        var (before, uiBefore) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, culture);
        try { return await work(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, uiBefore); }
    }

    static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>"1 page", "21 pages"; French counts 0 and 1 as singular, English only 1.</summary>
    static string N(int count, string one, string many) =>
        string.Create(CultureInfo.CurrentCulture, $"{count} {(count == 1 || count == 0 && !English ? one : many)}");

    public static string Title => T("Importer depuis WordPress", "Import from WordPress");
    public static string Intro => T(
        "Envoyez l’export de votre site WordPress (Outils › Exporter › Tout le contenu, un fichier .xml). Articles, pages, catégories (en rubriques), étiquettes, auteurs (comptes désactivés jusqu’à leur invitation), commentaires, médias (leurs métadonnées) et anciennes adresses (redirections 301) sont importés en une fois : une erreur n’importe rien. Relancer le même export ne crée pas de doublons.",
        "Send your WordPress site's export (Tools › Export › All content, an .xml file). Posts, pages, categories (as sections), tags, authors (accounts disabled until invited), comments, media (their metadata) and old addresses (301 redirects) are imported at once: an error imports nothing. Importing the same export again creates no duplicates.");
    public static string FileLabel => T("Fichier d’export WordPress (.xml)", "WordPress export file (.xml)");
    public static string MaxSize(long bytes) => T($"{bytes / 1024 / 1024} Mo au plus.", $"{bytes / 1024 / 1024} MB at most.");
    public static string Start => T("Importer", "Import");
    public static string NoFile => T("Choisissez le fichier d’export.", "Choose the export file.");
    public static string TooLarge(long bytes) => T($"Le fichier dépasse {bytes / 1024 / 1024} Mo.", $"The file is larger than {bytes / 1024 / 1024} MB.");
    public static string NotXml => T("Ce fichier n’est pas un export WordPress (un fichier XML est attendu).", "This file is not a WordPress export (an XML file is expected).");
    public static string History => T("Imports précédents", "Previous imports");
    public static string NoHistory => T("Aucun import pour l’instant.", "No imports yet.");
    public static string File => T("Fichier", "File");
    public static string By => T("Par", "By");
    public static string When => T("Envoyé le", "Sent on");
    public static string StateLabel => T("État", "State");
    public static string Progress => T("Progression", "Progress");
    public static string Back => T("Retour aux imports", "Back to imports");
    public static string JobTitle(string file) => T($"Import de {file}", $"Import of {file}");
    /// <summary>Before the first pass has counted the entries, the total is not known yet.</summary>
    public static string Items(int done, int total) => total == 0
        ? T("Lecture du fichier…", "Reading the file…")
        : T($"{done} éléments lus sur {total}", $"{done} of {total} items read");
    public static string StateName(ImportJobState state) => state switch
    {
        ImportJobState.Queued => T("En attente", "Queued"),
        ImportJobState.Running => T("En cours", "Running"),
        ImportJobState.Succeeded => T("Terminé", "Done"),
        _ => T("Échoué", "Failed"),
    };
    public static string NothingImported => T("Rien n’a été importé.", "Nothing was imported.");
    public static string Notes => T("Remarques", "Notes");
    public static string Refused(int line, string reason) => line > 0
        ? T($"Ligne {line} : {reason}", $"Line {line}: {reason}")
        : reason;

    // What the importer writes in its report, and why the reader refuses a file.

    /// <summary>"ligne 12 : …" at the head of a note.</summary>
    public static string AtLine(int line, string text) => T($"ligne {line} : {text}", $"line {line}: {text}");

    public static string Summary(WordPressImportReport r) => T(r.DryRun ? "Seraient créés" : "Créés", r.DryRun ? "Would create" : "Created")
        + T(" : ", ": ")
        + string.Join(", ",
            N(r.Articles, "article", "articles"), N(r.Pages, "page", "pages"), T(N(r.Sections, "rubrique", "rubriques"), N(r.Sections, "section", "sections")),
            T(N(r.Tags, "mot-clé", "mots-clés"), N(r.Tags, "tag", "tags")),
            T(N(r.Authors, "auteur", "auteurs"), N(r.Authors, "author", "authors"))
                + T($" ({N(r.Accounts, "compte désactivé", "comptes désactivés")})", $" ({N(r.Accounts, "disabled account", "disabled accounts")})"),
            T(N(r.Media, "média", "médias"), N(r.Media, "media", "media"))
                + T($" ({N(r.MediaFiles, "fichier", "fichiers")})", $" ({N(r.MediaFiles, "file", "files")})"),
            T(N(r.Comments, "commentaire", "commentaires"), N(r.Comments, "comment", "comments")),
            T(N(r.Redirects, "redirection", "redirections"), N(r.Redirects, "redirect", "redirects")),
            T(N(r.FrontPage, "place à la une", "places à la une"), N(r.FrontPage, "front-page slot", "front-page slots")))
        + T(" ; ", "; ")
        + T($"{N(r.AlreadyImported, "déjà importé", "déjà importés")}, {N(r.Skipped, "ignoré", "ignorés")}.",
            $"{r.AlreadyImported} already imported, {r.Skipped} skipped.");

    public static string AttachmentWithoutAddress(long id) =>
        T($"le média {id} n’a pas d’adresse utilisable ; ignoré.", $"attachment {id} has no usable address; skipped.");
    public static string AttachmentNotCopied(long id, string why) =>
        T($"le fichier du média {id} n’a pas été copié ({why}) ; ses métadonnées l’ont été.", $"the file of attachment {id} was not copied ({why}); its metadata was.");
    public static string PasswordProtected(string title) =>
        T($"« {title} » était protégé par un mot de passe ; importé comme brouillon.", $"\"{title}\" was password-protected; imported as a draft.");
    public static string Private(string title) =>
        T($"« {title} » était privé ; importé comme brouillon.", $"\"{title}\" was private; imported as a draft.");
    public static string PageCommentsSkipped(int count, string title) =>
        T($"{N(count, "commentaire", "commentaires")} de la page « {title} » ignoré{(count > 1 ? "s" : "")} (les pages n’ont pas de commentaires).",
            $"the {N(count, "comment", "comments")} of page \"{title}\" {(count == 1 ? "was" : "were")} skipped (pages take no comments).");

    public static string NotAnExport(string root) =>
        T($"ce n’est pas un export WordPress : l’élément racine est <{root}>, pas <rss>.", $"this is not a WordPress export: the root element is <{root}>, not <rss>.");
    public static string NoVersionBeforeFirstEntry =>
        T("ce n’est pas un export WordPress : <wp:wxr_version> manque avant la première entrée.", "this is not a WordPress export: <wp:wxr_version> is missing before the first entry.");
    public static string NoVersion =>
        T("ce n’est pas un export WordPress : <wp:wxr_version> manque.", "this is not a WordPress export: <wp:wxr_version> is missing.");
    public static string EmptyFile => T("le fichier est vide.", "the file is empty.");
    public static string Dtd => T(
        "le fichier déclare une DTD (<!DOCTYPE …>), ce qui est refusé : un export WordPress n’en contient jamais, et une DTD sert aux entités externes et aux bombes d’expansion d’entités.",
        "the file declares a DTD (<!DOCTYPE …>), which is refused: a WordPress export never has one, and DTDs carry external entities and entity-expansion bombs.");
    /// <summary>The detail is the XML parser's own wording, in English.</summary>
    public static string Malformed(string detail) => T($"le XML est mal formé : {detail}", $"the XML is malformed: {detail}");
    public static string FieldTooLong(string element, int length, int max) => T(
        $"<{element}> contient {length:N0} caractères, plus que les {max:N0} acceptés.", $"<{element}> holds {length:N0} characters, more than the {max:N0} accepted.");
    public static string NoAuthorLogin => T("un auteur n’a pas de <wp:author_login>.", "an author has no <wp:author_login>.");
    public static string TermWithoutName(bool isTag) => isTag
        ? T("une étiquette n’a ni nom ni slug.", "a tag has neither a name nor a slug.")
        : T("une catégorie n’a ni nom ni slug.", "a category has neither a name nor a slug.");
    public static string TooManyComments(int max) => T($"l’entrée a plus de {max:N0} commentaires.", $"the entry has more than {max:N0} comments.");
    public static string NoPostId(string title) => T($"l’entrée « {title} » n’a pas de <wp:post_id>.", $"the entry \"{title}\" has no <wp:post_id>.");
    public static string NoPostType(long id) => T($"l’entrée {id} n’a pas de <wp:post_type>.", $"the entry {id} has no <wp:post_type>.");
    public static string NoCommentId => T("un commentaire n’a pas de <wp:comment_id>.", "a comment has no <wp:comment_id>.");
    public static string NotANumber(string field, string text) => T($"<{field}> vaut « {text} », pas un nombre.", $"<{field}> is \"{text}\", not a number.");
    public static string BadDate(string text) =>
        T($"la date « {text} » n’est pas de la forme aaaa-MM-jj HH:mm:ss.", $"the date \"{text}\" is not of the form yyyy-MM-dd HH:mm:ss.");
    public static string Failed => T("L’import a échoué sur une erreur interne ; le journal du serveur en dit plus.",
        "The import failed on an internal error; the server log says more.");
    public static string TooManyAttempts => T("L’import a été interrompu trop de fois.", "The import was interrupted too many times.");
}
