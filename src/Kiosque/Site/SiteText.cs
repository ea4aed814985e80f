namespace Kiosque.Site;

/// <summary>The reader site's French wording, kept in one place.</summary>
public static class SiteText
{
    public const string SkipLink = "Aller au contenu";
    public const string MainNavigation = "Navigation principale";
    public const string FrontPage = "À la une";
    public const string LatestIn = "Dernières nouvelles";
    public const string SeeSection = "Toute la rubrique";
    public const string NoArticles = "Aucun article publié pour le moment.";
    public const string PublishedOn = "Publié le";
    public const string UpdatedOn = "Mis à jour le";
    public const string By = "Par";
    public const string And = "et";
    public const string At = "à";
    public const string ReadAlso = "À lire aussi";
    public const string Comments = "Commentaires";
    public const string NoCommentsYet = "Aucun commentaire pour le moment.";
    public const string CommentsClosed = "Les commentaires sont fermés pour cet article.";
    public const string CommentsSuspendedFallback = "Les commentaires sont suspendus sur l’ensemble du site.";
    public const string ShareTitle = "Partager cet article";
    public const string ShareIntro = "Faites circuler cet article auprès de vos proches : par e-mail, messagerie, SMS ou sur les réseaux sociaux.";
    public const string ShareEmail = "E-mail";
    public const string ShareEmailBodyIntro = "Cet article pourrait vous intéresser :";
    public const string ShareWhatsApp = "WhatsApp";
    public const string ShareTelegram = "Telegram";
    public const string ShareSms = "SMS";
    public const string ShareFacebook = "Facebook";
    public const string ShareX = "X";
    public const string ShareLinkedIn = "LinkedIn";
    public const string NewsletterCtaTitle = "Recevez notre newsletter";
    public const string NewsletterCtaText = "L’essentiel de l’actualité, choisi par la rédaction, dans votre boîte mail.";
    public const string NewsletterCtaLink = "Toutes nos newsletters et les éditions précédentes";
    public const string NewsletterTitle = "La newsletter";
    public const string BackHome = "Revenir à la une";
    public const string Dossiers = "Dossiers";
    public const string DossiersIntro = "Nos dossiers rassemblent les articles consacrés à un même sujet.";
    public const string NoDossiers = "Aucun dossier pour le moment.";
    public const string Tag = "Mot-clé";
    public const string Dossier = "Dossier";
    public const string Author = "Auteur";
    public const string ArticlesBy = "Ses articles";
    public const string Tags = "Mots-clés";
    public const string Duration = "Durée :";
    public const string VideoTitle = "Vidéo";
    public const string AudioTitle = "Écouter l’épisode";
    public const string AudioFallback = "Votre navigateur ne lit pas l’audio : télécharger l’épisode";
    public const string VideoFallback = "Votre navigateur ne lit pas la vidéo : télécharger la vidéo";
    public const string Pagination = "Pagination";
    public const string PreviousPage = "Page précédente";
    public const string NextPage = "Page suivante";
    public const string PageNumber = "Page {0} sur {1}";
    public const string NotFoundTitle = "Page introuvable";
    public const string NotFoundText = "La page que vous cherchez n’existe pas ou n’est plus en ligne. Vérifiez l’adresse, ou repartez de la une.";
    public const string GoneTitle = "Cet article a été retiré";
    public const string GoneText = "La rédaction a retiré cet article : il n’est plus disponible.";
    public const string ErrorTitle = "Une erreur est survenue";
    public const string ErrorText = "Nous n’avons pas pu afficher cette page. Réessayez dans un instant.";
    public const string PoweredBy = "Publié avec Kiosque";
    public const string Unavailable = "Le site est momentanément indisponible. Réessayez dans quelques secondes.";
    public const string Corrections = "Corrections et mises à jour";
    public const string WorkTypeIs = "Type d’article :";
    public const string SearchLabel = "Rechercher sur le site";
    public const string SearchPlaceholder = "Rechercher…";
    public const string SearchButton = "Rechercher";
    public const string Transcript = "Transcription";

    /// <summary>The Trust Project's labels as readers see them; plain news carries none.</summary>
    public static string? WorkTypeLabel(Kiosque.Content.WorkType type) => type switch
    {
        Kiosque.Content.WorkType.Analysis => "Décryptage",
        Kiosque.Content.WorkType.Opinion => "Opinion",
        Kiosque.Content.WorkType.Interview => "Entretien",
        Kiosque.Content.WorkType.Review => "Critique",
        _ => null,
    };
}
