using System.Globalization;

namespace Kiosque.Wires;

/// <summary>Wording of the wire badges in the newsroom, French first.</summary>
public static class WireText
{
    static string T(string fr, string en) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? en : fr;

    public static string FromAgency(string credit) => T($"Dépêche {credit}", $"Wire: {credit}");

    public static string CopyrightNotice => T("Copyright", "Copyright notice");
    public static string UsageTerms => T("Conditions d’utilisation", "Usage terms");

    public static string Flag(WireFlag flag) => flag switch
    {
        WireFlag.Canceled => T("Annulée par l’agence", "Canceled by the agency"),
        WireFlag.Withheld => T("Retenue par l’agence", "Withheld by the agency"),
        WireFlag.NewerVersionNotApplied => T("Nouvelle version non appliquée", "Newer version not applied"),
        _ => "",
    };
}
