using Kiosque.Content;

namespace Kiosque.Tests.Content;

public sealed class HtmlSanitizingTests
{
    readonly HtmlSanitizing sanitizing = new();

    [Theory]
    [InlineData("<p>Avant</p><script>alert(1)</script><p>Après</p>", "<p>Avant</p><p>Après</p>")]
    [InlineData("<p onclick=\"alert(1)\">Texte</p>", "<p>Texte</p>")]
    [InlineData("<a href=\"javascript:alert(1)\">lien</a>", "<a>lien</a>")]
    [InlineData("<style>p{color:red}</style><p style=\"color:red\">Texte</p>", "<p>Texte</p>")]
    [InlineData("<iframe src=\"https://evil.example\">x</iframe><p>Texte</p>", "<p>Texte</p>")]
    [InlineData("<img src=x onerror=alert(1) alt=\"Photo\">", "<img src=\"x\" alt=\"Photo\">")]
    [InlineData("<svg><script>alert(1)</script></svg><p>Texte</p>", "<p>Texte</p>")]
    public void Hostile_markup_is_removed_with_what_it_holds(string input, string expected) =>
        Assert.Equal(expected, sanitizing.Sanitize(input));

    [Fact]
    public void Unknown_wrappers_give_way_to_their_text_and_relative_links_stay_relative()
    {
        var html = sanitizing.Sanitize("<div><section><p>Un <a href=\"/international/un-article\">lien interne</a></p></section></div>");
        Assert.Equal("<p>Un <a href=\"/international/un-article\">lien interne</a></p>", html);
    }

    [Fact]
    public void External_links_get_noopener_noreferrer()
    {
        var html = sanitizing.Sanitize("<p><a href=\"https://example.org/\">source</a></p>");
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
    }
}
