using Microsoft.AspNetCore.Identity;

namespace Kiosque.Accounts;

/// <summary>Identity's messages that a newsroom member can meet, in the newsroom's language.</summary>
public sealed class FrenchIdentityErrors : IdentityErrorDescriber
{
    static bool English => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public override IdentityError PasswordTooShort(int length) => English ? base.PasswordTooShort(length)
        : new() { Code = nameof(PasswordTooShort), Description = $"Le mot de passe doit compter au moins {length} caractères." };
    public override IdentityError PasswordMismatch() => English ? base.PasswordMismatch()
        : new() { Code = nameof(PasswordMismatch), Description = "Mot de passe actuel incorrect." };
    public override IdentityError InvalidToken() => English ? base.InvalidToken()
        : new() { Code = nameof(InvalidToken), Description = AccountsText.LinkInvalid };
    public override IdentityError DuplicateEmail(string email) => English ? base.DuplicateEmail(email)
        : new() { Code = nameof(DuplicateEmail), Description = $"L’adresse {email} est déjà utilisée." };
    public override IdentityError DuplicateUserName(string userName) => English ? base.DuplicateUserName(userName)
        : new() { Code = nameof(DuplicateUserName), Description = $"L’adresse {userName} est déjà utilisée." };
    public override IdentityError InvalidEmail(string? email) => English ? base.InvalidEmail(email)
        : new() { Code = nameof(InvalidEmail), Description = $"« {email} » n’est pas une adresse e-mail valide." };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => English ? base.PasswordRequiresUniqueChars(uniqueChars)
        : new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"Le mot de passe doit contenir au moins {uniqueChars} caractères différents." };
}
