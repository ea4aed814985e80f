using System.Globalization;

namespace Kiosque.Newsroom;

/// <summary>The newsroom shell's wording, French first, English when the language cookie asks for it.</summary>
public static class NewsroomText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static string Language => T("fr", "en");
    public static string Newsroom => T("Rédaction", "Newsroom");
    public static string SkipLink => T("Aller au contenu", "Skip to content");
    public static string MainNavigation => T("Navigation de la rédaction", "Newsroom navigation");
    public static string Dashboard => T("Tableau de bord", "Dashboard");
    public static string Articles => T("Articles", "Articles");
    public static string Users => T("Utilisateurs", "Users");
    public static string MyAccount => T("Mon compte", "My account");
    public static string SignOut => T("Se déconnecter", "Sign out");
    public static string SignedInAs => T("Connecté :", "Signed in:");
    public static string SeeSite => T("Voir le site", "See the site");
    public static string SwitchLanguage => T("English", "Français");
    public static string SwitchLanguageCode => T("en", "fr");

    public static string MyDrafts => T("Mes brouillons", "My drafts");
    public static string InReview => T("À relire", "In review");
    public static string InReviewHint => T("Les articles soumis à la relecture, les plus anciens d’abord.", "Articles submitted for review, oldest first.");
    public static string Scheduled => T("Programmés", "Scheduled");
    public static string RecentlyPublished => T("Publiés récemment", "Recently published");
    public static string Empty => T("Rien pour le moment.", "Nothing yet.");
    public static string NoAuthorLinked => T("Votre compte n’est lié à aucune signature : vos brouillons apparaîtront ici une fois le lien fait par un administrateur.",
        "Your account is not linked to a byline: your drafts will show here once an admin links it.");
    public static string UpdatedOn => T("modifié le", "updated");
    public static string PublishedOn => T("publié le", "published");
    public static string ScheduledFor => T("prévu le", "scheduled for");

    public static string UsersIntro => T("Les membres de la rédaction, leur rôle et l’état de leur compte.", "The newsroom’s members, their role and account state.");
    public static string Invite => T("Inviter quelqu’un", "Invite someone");
    public static string InviteButton => T("Envoyer l’invitation", "Send the invitation");
    public static string InviteSent => T("Invitation envoyée. Le lien, valable 24 heures, peut aussi être transmis directement :",
        "Invitation sent. The link, valid for 24 hours, can also be passed on directly:");
    public static string Role => T("Rôle", "Role");
    public static string Name => T("Nom", "Name");
    public static string Email => T("E-mail", "E-mail");
    public static string State => T("État", "State");
    public static string Actions => T("Actions", "Actions");
    public static string Active => T("Actif", "Active");
    public static string Pending => T("Invitation en attente", "Invitation pending");
    public static string Disabled => T("Désactivé", "Disabled");
    public static string TwoFactorOn => T("Double authentification", "Two-factor");
    public static string ChangeRole => T("Changer le rôle", "Change role");
    public static string Disable => T("Désactiver", "Disable");
    public static string Enable => T("Réactiver", "Enable");
    public static string Saved => T("Modification enregistrée.", "Change saved.");
    public static string You => T("(vous)", "(you)");
    public static string Security => T("Sécurité", "Security");
    public static string RequireTwoFactorForAdmins => T("Exiger la double authentification des administrateurs", "Require two-factor authentication for admins");
    public static string Save => T("Enregistrer", "Save");

    public static string AccountIntro => T("Votre mot de passe, la double authentification et vos sessions.", "Your password, two-factor authentication and sessions.");
    public static string ChangePassword => T("Changer de mot de passe", "Change password");
    public static string PasswordChanged => T("Mot de passe modifié. Vos autres sessions ont été fermées.", "Password changed. Your other sessions were signed out.");
    public static string TwoFactor => T("Double authentification", "Two-factor authentication");
    public static string TwoFactorIsOn => T("Activée : un code de votre application est demandé à chaque connexion.", "On: a code from your app is asked at each sign-in.");
    public static string TwoFactorIsOff => T("Désactivée.", "Off.");
    public static string ManageTwoFactor => T("Gérer la double authentification", "Manage two-factor authentication");
    public static string SetUpTwoFactor => T("Activer la double authentification", "Turn on two-factor authentication");
    public static string Sessions => T("Sessions", "Sessions");
    public static string SignOutEverywhereIntro => T("Ferme toutes vos sessions ouvertes, sur tous vos appareils, y compris celle-ci, en une minute au plus.",
        "Ends all your open sessions, on every device, this one included, within a minute.");
    public static string SignOutEverywhere => T("Se déconnecter partout", "Sign out everywhere");

    public static string TwoFactorRequired => T("Le site exige la double authentification pour les administrateurs : activez-la pour continuer.",
        "The site requires two-factor authentication for admins: turn it on to continue.");
    public static string TwoFactorStep1 => T("1. Ajoutez ce compte dans votre application d’authentification (FreeOTP, Aegis, Google Authenticator…) en scannant le code ou en saisissant la clé :",
        "1. Add this account to your authenticator app (FreeOTP, Aegis, Google Authenticator…) by scanning the code or typing the key:");
    public static string SharedKey => T("Clé", "Key");
    public static string OtpUri => T("Adresse otpauth", "otpauth address");
    public static string QrAlt => T("QR code de configuration de l’application d’authentification", "Authenticator set-up QR code");
    public static string TwoFactorStep2 => T("2. Saisissez le code à 6 chiffres qu’elle affiche :", "2. Enter the 6-digit code it shows:");
    public static string TurnOn => T("Activer", "Turn on");
    public static string TwoFactorEnabled => T("La double authentification est activée.", "Two-factor authentication is on.");
    public static string RecoveryCodesTitle => T("Codes de secours", "Recovery codes");
    public static string RecoveryCodesIntro => T("Notez ces codes et gardez-les en lieu sûr : chacun permet une connexion sans votre téléphone. Ils ne seront plus affichés.",
        "Write these codes down and keep them safe: each lets you sign in once without your phone. They will not be shown again.");
    public static string RecoveryCodesLeft => T("Codes de secours restants :", "Recovery codes left:");
    public static string NewRecoveryCodes => T("Générer de nouveaux codes de secours", "Generate new recovery codes");
    public static string TurnOff => T("Désactiver la double authentification", "Turn off two-factor authentication");
    public static string CannotTurnOff => T("Le site exige la double authentification pour les administrateurs : elle ne peut pas être désactivée.",
        "The site requires two-factor authentication for admins: it cannot be turned off.");
    public static string TwoFactorDisabled => T("La double authentification est désactivée.", "Two-factor authentication is off.");
    public static string BackToAccount => T("Retour à mon compte", "Back to my account");
}
