using System.Globalization;

namespace Kiosque.Accounts;

/// <summary>
/// Account wording, French first; English when the newsroom's language cookie asks for it. Properties (not
/// constants) so that validation attributes can use them as resources.
/// </summary>
public static class AccountsText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static string Email => T("Adresse e-mail", "E-mail address");
    public static string Password => T("Mot de passe", "Password");
    public static string NewPassword => T("Nouveau mot de passe", "New password");
    public static string CurrentPassword => T("Mot de passe actuel", "Current password");
    public static string ConfirmPassword => T("Confirmez le mot de passe", "Confirm the password");
    public static string DisplayName => T("Nom affiché", "Display name");
    public static string RememberMe => T("Rester connecté sur cet appareil", "Keep me signed in on this device");
    public static string PasswordHint => T("Au moins 12 caractères. Une phrase facile à retenir fait un bon mot de passe.",
        "At least 12 characters. A sentence you can remember makes a good password.");

    public static string Required => T("Ce champ est obligatoire.", "This field is required.");
    public static string InvalidEmailFormat => T("Saisissez une adresse e-mail valide.", "Enter a valid e-mail address.");
    public static string PasswordsDiffer => T("Les deux mots de passe ne sont pas identiques.", "The two passwords differ.");
    public static string PasswordLength => T("Le mot de passe doit compter entre 12 et 200 caractères.", "The password must have 12 to 200 characters.");
    public static string CodeFormat => T("Saisissez le code à 6 chiffres.", "Enter the 6-digit code.");

    public static string SignInTitle => T("Connexion à la rédaction", "Sign in to the newsroom");
    public static string SignInButton => T("Se connecter", "Sign in");
    public static string SignInFailed => T("Adresse ou mot de passe incorrect.", "Wrong e-mail address or password.");
    public static string LockedOut => T("Trop d’essais infructueux : ce compte est bloqué pendant 15 minutes.",
        "Too many failed attempts: this account is locked for 15 minutes.");
    public static string NotAllowed => T("Ce compte est désactivé ou n’a pas encore été activé.", "This account is disabled or not set up yet.");
    public static string ForgotPasswordLink => T("Mot de passe oublié ?", "Forgot your password?");
    public static string TwoFactorTitle => T("Code de vérification", "Verification code");
    public static string TwoFactorIntro => T("Saisissez le code à 6 chiffres affiché par votre application d’authentification.",
        "Enter the 6-digit code shown by your authenticator app.");
    public static string Code => T("Code", "Code");
    public static string RememberDevice => T("Ne plus demander de code sur cet appareil pendant 30 jours", "Don’t ask for a code on this device for 30 days");
    public static string Verify => T("Vérifier", "Verify");
    public static string WrongCode => T("Code incorrect.", "Wrong code.");
    public static string UseRecoveryCode => T("Utiliser un code de secours", "Use a recovery code");
    public static string RecoveryCodeTitle => T("Code de secours", "Recovery code");
    public static string RecoveryCodeIntro => T("Saisissez l’un des codes de secours notés lors de l’activation. Chaque code ne sert qu’une fois.",
        "Enter one of the recovery codes you kept when you turned this on. Each code works once.");
    public static string RecoveryCode => T("Code de secours", "Recovery code");
    public static string SessionExpired => T("La vérification a expiré : reconnectez-vous.", "The verification expired: sign in again.");

    public static string InstallationTitle => T("Bienvenue dans Kiosque", "Welcome to Kiosque");
    public static string InstallationIntro => T("Aucun compte administrateur n’existe encore. Pour le créer, lancez cette commande sur le serveur :",
        "No admin account exists yet. To create one, run this command on the server:");
    public static string InstallationAfter => T("Elle affiche un lien à usage unique, valable 24 heures : ouvrez-le pour choisir votre mot de passe.",
        "It prints a one-time link, valid for 24 hours: open it to choose your password.");
    public static string InstallationNoDefault => T("Kiosque n’a pas de mot de passe par défaut.", "Kiosque has no default password.");

    public static string WelcomeTitle => T("Choisissez votre mot de passe", "Choose your password");
    public static string WelcomeIntro => T("Votre compte est prêt. Choisissez le nom sous lequel la rédaction vous verra et votre mot de passe.",
        "Your account is ready. Choose the name the newsroom will see and your password.");
    public static string WelcomeButton => T("Activer mon compte", "Activate my account");
    public static string LinkInvalid => T("Ce lien n’est plus valable : il a déjà servi ou a expiré. Demandez-en un nouveau.",
        "This link no longer works: it was used or it expired. Ask for a new one.");
    public static string LinkInvalidTitle => T("Lien expiré", "Link expired");

    public static string ForgotTitle => T("Mot de passe oublié", "Forgotten password");
    public static string ForgotIntro => T("Saisissez l’adresse de votre compte : nous vous enverrons un lien pour choisir un nouveau mot de passe.",
        "Enter your account’s address: we will send you a link to choose a new password.");
    public static string ForgotButton => T("Envoyer le lien", "Send the link");
    public static string ForgotSent => T("Si un compte correspond à cette adresse, un e-mail vient de lui être envoyé. Le lien est valable 2 heures.",
        "If an account has this address, an e-mail is on its way. The link is valid for 2 hours.");
    public static string ResetTitle => T("Nouveau mot de passe", "New password");
    public static string ResetButton => T("Enregistrer le mot de passe", "Save the password");
    public static string BackToSignIn => T("Retour à la connexion", "Back to sign-in");

    public static string AccessDeniedTitle => T("Accès refusé", "Access denied");
    public static string AccessDeniedText => T("Votre rôle ne donne pas accès à cette page.", "Your role does not give access to this page.");

    public static string AlreadyHasAccount(string email) => T($"{email} a déjà un compte actif.", $"{email} already has an active account.");
    public static string InvalidEmail(string email) => T($"« {email} » n’est pas une adresse utilisable.", $"“{email}” is not a usable address.");
    public static string UnknownRole(string role) => T($"Rôle inconnu « {role} » : admin, editor ou contributor.", $"Unknown role “{role}”: admin, editor or contributor.");
    public static string UserNotFound => T("Compte introuvable.", "Account not found.");
    public static string NotYourself => T("Vous ne pouvez pas modifier votre propre rôle ni désactiver votre compte.", "You cannot change your own role or disable your own account.");

    public static string RoleName(string role) => role switch
    {
        "admin" => T("Administrateur", "Admin"),
        "editor" => T("Éditeur", "Editor"),
        "contributor" => T("Contributeur", "Contributor"),
        _ => role,
    };
}
