using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Kiosque.Search;

/// <summary>
/// The French text handling both engines share: plain text out of stored HTML, elisions split off, accents and
/// ligatures folded, a light stemmer for the SQLite engine's prefix queries, and highlighted snippets made safe.
/// </summary>
public static partial class FrenchText
{
    /// <summary>Private-use characters the engines put around matches; stripped from indexed text so no one can forge them.</summary>
    public const char MarkStart = '\uE000';
    public const char MarkEnd = '\uE001';
    /// <summary>Stand-ins for &lt; and &gt; where an engine would take text that looks like a tag for markup and drop it.</summary>
    public const char LessThan = '\uE002';
    public const char GreaterThan = '\uE003';

    public static string HideAngles(string text) => text.Replace('<', LessThan).Replace('>', GreaterThan);
    public static string RestoreAngles(string text) => text.Replace(LessThan, '<').Replace(GreaterThan, '>');

    // Escapes markup characters and quotes; accented letters stay readable.
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string PlainText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = WebUtility.HtmlDecode(Tags().Replace(html, " "));
        return Clean(text);
    }

    /// <summary>Collapses whitespace and removes the highlight markers.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        text = text.Replace(MarkStart, ' ').Replace(MarkEnd, ' ').Replace(LessThan, ' ').Replace(GreaterThan, ' ');
        return Spaces().Replace(text, " ").Trim();
    }

    /// <summary>"L’armée d'Ukraine" → "armée Ukraine": the articles and pronouns glued by an apostrophe go.</summary>
    public static string WithoutElisions(string text) => Elision().Replace(text, "");

    /// <summary>Lower case, no diacritics, œ/æ spelled out: "Œuvre élevée" → "oeuvre elevee".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c);
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The query's words, elisions removed and folded; at most <paramref name="max"/> of them, duplicates dropped.</summary>
    public static IReadOnlyList<string> Words(string text, int max = 12) =>
        Word().Matches(Fold(WithoutElisions(text))).Select(m => m.Value).Distinct(StringComparer.Ordinal).Take(max).ToList();

    /// <summary>
    /// The query's words without French function words ("le", "des", "sur"…), which nearly every article contains:
    /// matching them finds nothing more and reads the longest lists of the index. All of them when nothing else is left.
    /// </summary>
    public static IReadOnlyList<string> ContentWords(string text, int max = 12)
    {
        var words = Words(text, int.MaxValue);
        var content = words.Where(w => !StopWords.Contains(w)).Take(max).ToList();
        return content.Count > 0 ? content : [.. words.Take(max)];
    }

    /// <summary>Folded, as <see cref="Fold"/> leaves them.</summary>
    static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et",
        "il", "ils", "la", "le", "les", "leur", "leurs", "lui", "mais", "ne", "ni", "nous", "on", "ou", "par", "pas", "pour",
        "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur", "un", "une", "vous", "y",
    };

    // Longest first; each strips an inflectional or derivational ending, leaving a prefix of the word's other forms.
    static readonly (string Ending, string Replacement)[] Endings =
    [
        ("issements", ""), ("issement", ""), ("ements", ""), ("ement", ""),
        ("ations", ""), ("ation", ""), ("atrices", ""), ("atrice", ""), ("ateurs", ""), ("ateur", ""),
        ("eraient", ""), ("erions", ""), ("erons", ""), ("eront", ""), ("erait", ""), ("erez", ""), ("aient", ""),
        ("ances", ""), ("ance", ""), ("ences", ""), ("ence", ""),
        ("euses", ""), ("euse", ""), ("eux", ""), ("ives", ""), ("ive", ""), ("ifs", ""),
        ("iques", ""), ("ique", ""), ("ismes", ""), ("isme", ""), ("istes", ""), ("iste", ""),
        ("aux", "a"), ("als", "a"), ("ales", "a"), ("ale", "a"), ("al", "a"),
        ("ees", "e"), ("ee", "e"), ("ons", ""), ("ez", ""), ("er", ""), ("es", ""), ("e", ""), ("s", ""), ("x", ""),
    ];

    /// <summary>
    /// A light French stemmer on a folded word: "negociations", "negociation", "negocier" → "negoci";
    /// "journaux", "journal" → "journa". Stems stay at least three letters long.
    /// </summary>
    public static string Stem(string folded)
    {
        foreach (var (ending, replacement) in Endings)
            if (folded.EndsWith(ending, StringComparison.Ordinal) && folded.Length - ending.Length + replacement.Length >= 3)
                return folded[..^ending.Length] + replacement;
        return folded;
    }

    /// <summary>Engine output with markers around matches → HTML: everything escaped, matches in &lt;mark&gt;.</summary>
    public static string HighlightToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked)) return "";
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != MarkStart && marked[i] != MarkEnd) continue;
            html.Append(Encoder.Encode(marked[start..i]));
            if (i < marked.Length)
            {
                if (marked[i] == MarkStart && !open) { html.Append("<mark>"); open = true; }
                else if (marked[i] == MarkEnd && open) { html.Append("</mark>"); open = false; }
            }
            start = i + 1;
        }
        if (open) html.Append("</mark>");
        return html.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’ʼ]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Elision();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
