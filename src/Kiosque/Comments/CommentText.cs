namespace Kiosque.Comments;

/// <summary>Readers' wording for comments, French like the rest of the site.</summary>
public static class CommentText
{
    public const string Count1 = "1 commentaire";
    public static string Count(int n) => n == 1 ? Count1 : $"{n} commentaires";
    public const string WriteTitle = "Réagir à cet article";
    public const string ReplyTitle = "Répondre à";
    public const string Name = "Votre nom";
    public const string Email = "Votre e-mail (jamais affiché)";
    public const string Body = "Votre commentaire";
    public const string BodyHint = "Texte simple, 5 000 caractères au plus. Les liens sont cliquables.";
    public const string Honeypot = "Ne remplissez pas ce champ";
    public const string Notify = "Me prévenir par e-mail des réponses";
    public const string Preview = "Prévisualiser";
    public const string Send = "Publier le commentaire";
    public const string Reply = "Répondre";
    public const string Report = "Signaler";
    public const string ReportTitle = "Signaler ce commentaire";
    public const string ReportIntro = "Ce commentaire vous semble abusif ? La rédaction le relira.";
    public const string ReportConfirm = "Confirmer le signalement";
    public const string PreviewTitle = "Vérifiez votre commentaire";
    public const string PreviewIntro = "Voici votre commentaire tel qu’il apparaîtra. Corrigez-le si besoin, puis publiez-le.";
    public const string BackToArticle = "Revenir à l’article";
    public const string RepliesLabel = "Réponses";
    public const string PostedOn = "le";
    public const string Closed = "Les commentaires sont fermés pour cet article.";
    public const string None = "Aucun commentaire pour le moment.";
    public const string ErrorsTitle = "Le commentaire n’a pas été envoyé :";

    public const string NameRequired = "Indiquez votre nom.";
    public static readonly string NameTooLong = $"Le nom ne doit pas dépasser {Comment.MaxName} caractères.";
    public const string EmailRequired = "Indiquez votre adresse e-mail.";
    public const string EmailInvalid = "Cette adresse e-mail n’est pas valide (exemple : prenom@exemple.fr).";
    public const string BodyRequired = "Écrivez votre commentaire.";
    public static string BodyTooLong(int length) =>
        $"Le commentaire fait {length} caractères : {Comment.MaxBody} au plus. Raccourcissez-le, votre texte est conservé ci-dessous.";
    public static string TooManyLinks(int max) => max == 0
        ? "Les liens ne sont pas acceptés dans les commentaires."
        : $"Trop de liens : {max} au plus par commentaire.";
    public const string BannedDomain = "Ce commentaire contient un lien vers un site refusé par la rédaction.";
    public const string Duplicate = "Vous avez déjà publié ce commentaire.";
    public const string TooFast = "Envoi trop rapide : prenez le temps de relire votre commentaire, puis publiez-le.";
    public const string Expired = "Le formulaire a expiré : vérifiez votre commentaire puis publiez-le à nouveau.";
    public const string Unavailable = "Les commentaires ne sont pas ouverts sur cet article.";
    public const string NotFound = "Ce commentaire n’existe pas ou plus.";
    public const string TooMany = "Trop de commentaires envoyés en peu de temps. Réessayez dans quelques minutes.";

    // Status messages after the redirect back to the article (?commentaire=…).
    public const string Published = "Merci, votre commentaire est publié.";
    public const string Held = "Merci, votre commentaire sera publié après relecture par la rédaction.";
    public const string AwaitingConfirmation = "Merci ! Un e-mail vient de vous être envoyé : ouvrez le lien qu’il contient pour confirmer votre commentaire.";
    public const string Reported = "Merci, la rédaction relira ce commentaire.";
    public const string Confirmed = "Votre adresse est confirmée, merci.";

    public static string? StatusMessage(string? code) => code switch
    {
        "publie" => Published,
        "en-attente" => Held,
        "a-confirmer" => AwaitingConfirmation,
        "signale" => Reported,
        "confirme" => Confirmed,
        _ => null,
    };

    public const string ConfirmTitle = "Confirmer votre commentaire";
    public const string ConfirmButton = "Confirmer mon commentaire";
    public const string ConfirmInvalid = "Ce lien n’est pas valide ou a expiré.";
    public const string UnsubscribeTitle = "Ne plus recevoir les réponses";
    public const string UnsubscribeButton = "Me désabonner";
    public const string Unsubscribed = "C’est fait : vous ne recevrez plus d’e-mail pour les réponses à ce commentaire.";
}
