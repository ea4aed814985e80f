namespace Kiosque.Newsletter;

public static class NewsletterPaths
{
    public const string SignUp = "/newsletter";
    public const string Archives = "/newsletter/archives";
    public static string Archive(int editionId) => $"/newsletter/archives/{editionId}";
    public const string Newsroom = "/newsroom/newsletter";
    public static string NewsroomEdition(int id) => $"/newsroom/newsletter/editions/{id}";
}

/// <summary>The reader's and the e-mails' wording (the site is French).</summary>
public static class NewsletterText
{
    public const string Title = "La newsletter";
    public const string Intro = "L’essentiel de l’actualité, choisi par la rédaction, dans votre boîte mail. Gratuite, sans publicité, désinscription en un clic.";
    public const string Email = "Votre adresse e-mail";
    public const string Lists = "Je choisis";
    public const string Submit = "Je m’inscris";
    public const string Honeypot = "Ne pas remplir ce champ";
    public const string EmailRequired = "Indiquez votre adresse e-mail.";
    public const string EmailInvalid = "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).";
    public const string ErrorsTitle = "L’inscription n’a pas abouti :";
    public const string ThanksTitle = "Vérifiez votre boîte mail";
    public const string Thanks = "Si l’adresse est valide, un e-mail vient de lui être envoyé : ouvrez le lien qu’il contient pour confirmer votre inscription. Rien n’est envoyé avant cette confirmation.";
    public const string Closed = "Aucune newsletter n’est ouverte aux inscriptions pour le moment.";
    public const string Privacy = "Votre adresse ne sert qu’à vous envoyer la newsletter ; chaque envoi contient un lien de désinscription.";
    public const string TooMany = "Trop de demandes depuis votre connexion. Réessayez dans quelques minutes.";
    public const string ArchiveTitle = "Les newsletters précédentes";
    public const string ArchiveEmpty = "Aucune newsletter n’a encore été envoyée.";
    public const string ConfirmTitle = "Confirmer l’inscription";
    public const string ConfirmButton = "Je confirme mon inscription";
    public const string Confirmed = "C’est confirmé : vous recevrez la prochaine édition.";
    public const string InvalidLink = "Ce lien n’est pas valide ou a expiré. Inscrivez-vous à nouveau pour en recevoir un autre.";
    public const string PreferencesTitle = "Mes préférences";
    public const string PreferencesIntro = "Cochez les newsletters que vous voulez recevoir.";
    public const string PreferencesSave = "Enregistrer";
    public const string PreferencesSaved = "Vos préférences sont enregistrées.";
    public const string UnsubscribeTitle = "Se désinscrire";
    public const string UnsubscribeQuestion = "Ne plus recevoir cette newsletter à cette adresse ?";
    public const string UnsubscribeButton = "Me désinscrire";
    public const string Unsubscribed = "C’est fait : vous ne recevrez plus cette newsletter.";
    public const string ConfirmSubject = "Confirmez votre inscription à la newsletter";
    public static string ConfirmMailIntro(string lists) => $"Pour recevoir « {lists} », confirmez votre inscription en ouvrant ce lien :";
    public const string ConfirmMailIgnore = "Vous n’avez rien demandé ? Ignorez ce message : sans confirmation, vous ne recevrez rien.";
    public const string AlreadySubject = "Votre inscription à la newsletter";
    public static string AlreadyMailIntro(string lists) => $"Cette adresse reçoit déjà « {lists} ». Pour choisir vos newsletters ou vous désinscrire :";
    public const string ReadArticle = "Lire l’article";
    public const string UnsubscribeLink = "Se désinscrire";
    public const string PreferencesLink = "Mes préférences";
    public const string WebVersion = "Version en ligne";
    public static string Footer(string list, string site) => $"Vous recevez « {list} » parce que vous vous y êtes inscrit(e) sur {site}.";
}
