using System.ComponentModel.DataAnnotations;

namespace Kiosque.Accounts;

// Validation attributes whose messages come from AccountsText, in the newsroom's language.

public sealed class RequiredFieldAttribute : RequiredAttribute
{
    public RequiredFieldAttribute() => (ErrorMessageResourceType, ErrorMessageResourceName) = (typeof(AccountsText), nameof(AccountsText.Required));
}

public sealed class EmailFieldAttribute : DataTypeAttribute
{
    readonly EmailAddressAttribute email = new();
    public EmailFieldAttribute() : base(DataType.EmailAddress) =>
        (ErrorMessageResourceType, ErrorMessageResourceName) = (typeof(AccountsText), nameof(AccountsText.InvalidEmailFormat));
    public override bool IsValid(object? value) => value is null || email.IsValid(value) && ((string)value).Length <= 256;
}

public sealed class NewPasswordFieldAttribute : StringLengthAttribute
{
    public NewPasswordFieldAttribute() : base(200)
    {
        MinimumLength = 12;
        (ErrorMessageResourceType, ErrorMessageResourceName) = (typeof(AccountsText), nameof(AccountsText.PasswordLength));
    }
}

public sealed class SameAsAttribute : CompareAttribute
{
    public SameAsAttribute(string otherProperty) : base(otherProperty) =>
        (ErrorMessageResourceType, ErrorMessageResourceName) = (typeof(AccountsText), nameof(AccountsText.PasswordsDiffer));
}
