using System.Globalization;

namespace Kiosque.Import;

/// <summary>The import pages' wording, French first, English when the newsroom's language cookie asks for it.</summary>
public static class ImportText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

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
    public static string Items(int done, int total) => T($"{done} éléments lus sur {total}", $"{done} of {total} items read");
    public static string StateName(ImportJobState state) => state switch
    {
        ImportJobState.Queued => T("En attente", "Queued"),
        ImportJobState.Running => T("En cours", "Running"),
        ImportJobState.Succeeded => T("Terminé", "Done"),
        _ => T("Échoué : rien n’a été importé", "Failed: nothing was imported"),
    };
    public static string Refused(int line, string reason) => line > 0
        ? T($"Ligne {line} : {reason}", $"Line {line}: {reason}")
        : reason;
    public static string Failed => T("L’import a échoué sur une erreur interne ; rien n’a été importé. Le journal du serveur en dit plus.",
        "The import failed on an internal error; nothing was imported. The server log says more.");
    public static string TooManyAttempts => T("L’import a été interrompu trop de fois ; rien n’a été importé.", "The import was interrupted too many times; nothing was imported.");
}
