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
    public const string ListsRequired = "Cochez au moins une newsletter.";
    public const string EmailInvalid = "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).";
    public const string ThanksTitle = "Vérifiez votre boîte mail";
    public const string Thanks = "Si l’adresse est valide, un e-mail vient de lui être envoyé : ouvrez le lien qu’il contient pour confirmer votre inscription. Rien n’est envoyé avant cette confirmation.";
    public const string Closed = "Aucune newsletter n’est ouverte aux inscriptions pour le moment.";
    public const string Privacy = "Votre adresse ne sert qu’à vous envoyer la newsletter ; chaque envoi contient un lien de désinscription.";
    public const string TooMany = "Trop de demandes depuis votre connexion. Réessayez dans quelques minutes.";
    public const string ArchiveTitle = "Les newsletters précédentes";
    public const string ArchiveEmpty = "Aucune newsletter n’a encore été envoyée.";
    public const string ConfirmTitle = "Confirmer l’inscription";
    public const string ConfirmButton = "Je confirme mon inscription";
    public const string ConfirmQuestion = "Un dernier clic pour recevoir la newsletter à cette adresse :";
    public static string Confirmed(IReadOnlyList<string> lists) => lists.Count == 0
        ? "C’est confirmé : vous recevrez la prochaine édition."
        : $"C’est confirmé : vous recevrez {Names(lists)} dès la prochaine édition.";
    public const string InvalidLink = "Ce lien n’est pas valide ou a expiré. Inscrivez-vous à nouveau pour en recevoir un autre.";
    public const string PreferencesTitle = "Mes préférences";
    public const string PreferencesIntro = "Cochez les newsletters que vous voulez recevoir.";
    public const string PreferencesSave = "Enregistrer";
    public const string PreferencesSaved = "Vos préférences sont enregistrées.";
    public const string UnsubscribeTitle = "Se désinscrire";
    public static string UnsubscribeQuestion(string? list) =>
        list is null ? "Ne plus recevoir nos newsletters à cette adresse ?" : $"Ne plus recevoir « {list} » à cette adresse ?";
    public const string UnsubscribeButton = "Me désinscrire";
    public static string Unsubscribed(string? list) =>
        list is null ? "C’est fait : vous ne recevrez plus nos newsletters." : $"C’est fait : vous ne recevrez plus « {list} ».";
    public static string ConfirmSubject(string site) => $"{site} : confirmez votre inscription à la newsletter";
    public static string ConfirmMailIntro(IReadOnlyList<string> lists, string site) =>
        $"Vous avez demandé à recevoir {Names(lists)} sur {site}. Pour confirmer votre inscription, ouvrez ce lien :";
    public const string ConfirmMailIgnore = "Vous n’avez rien demandé ? Ignorez ce message : sans confirmation, vous ne recevrez rien.";
    public static string AlreadySubject(string site) => $"{site} : votre inscription à la newsletter";
    public static string AlreadyMailIntro(IReadOnlyList<string> lists, string site) =>
        $"Cette adresse reçoit déjà {Names(lists)} sur {site}. Pour choisir vos newsletters ou vous désinscrire :";
    public const string ReadArticle = "Lire l’article";
    public const string UnsubscribeLink = "Se désinscrire";
    public const string PreferencesLink = "Mes préférences";
    public const string WebVersion = "Version en ligne";
    /// <summary>« La quotidienne », « La quotidienne » et « L’hebdo », « A », « B » et « C ».</summary>
    public static string Names(IReadOnlyList<string> lists) =>
        lists.Count == 0 ? "" : lists.Count == 1 ? $"« {lists[0]} »" : $"{string.Join(", ", lists.SkipLast(1).Select(l => $"« {l} »"))} et « {lists[^1]} »";
    public static string Footer(string list, string site) => $"Vous recevez « {list} » parce que vous vous y êtes inscrit(e) sur {site}.";
}
