using AngleSharp.Html.Parser;
using Kiosque.Content;

namespace Kiosque.Tests.Content;

/// <summary>The HTML the newsroom editor produces must come out of the sanitizer as the journalist wrote it.</summary>
public sealed class HtmlSanitizingTests
{
    readonly HtmlSanitizing sanitizing = new();

    [Fact]
    public void Editor_formatting_headings_lists_quotes_and_links_survive_unchanged()
    {
        const string html = "<h2>Intertitre</h2><h3>Sous-intertitre</h3><p>Un <strong>mot</strong> en <em>italique</em> et "
            + "<a href=\"/international/un-article\">un lien</a>.</p><ul><li><p>un</p></li></ul><ol><li><p>deux</p></li></ol>"
            + "<blockquote><p>Une citation.</p></blockquote>";
        Assert.Equal(html, sanitizing.Sanitize(html));
    }

    [Fact]
    public void Editor_figure_with_image_caption_and_credit_survives_unchanged()
    {
        const string html = "<figure><img src=\"/media/2026/11/abc.jpg\" alt=\"Une place au matin\">"
            + "<figcaption>La place, lundi. <small>©Jeanne Martin / AFP</small></figcaption></figure>";
        Assert.Equal(html, sanitizing.Sanitize(html));
    }

    [Fact]
    public void Video_embed_figure_keeps_its_embed_class_and_link()
    {
        const string url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        var clean = sanitizing.Sanitize($"<figure class=\"embed\"><a href=\"{url}\">{url}</a></figure>");

        var figure = Assert.Single(new HtmlParser().ParseDocument(clean).Body!.Children);
        Assert.Equal("figure", figure.LocalName);
        Assert.Equal("embed", figure.GetAttribute("class"));
        Assert.Equal(url, figure.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("<p class=\"embed\">texte</p>", "<p>texte</p>")]
    [InlineData("<figure class=\"button visually-hidden\"><img src=\"/a.jpg\" alt=\"a\"></figure>", "<figure><img src=\"/a.jpg\" alt=\"a\"></figure>")]
    [InlineData("<a class=\"embed\" href=\"/a\">a</a>", "<a href=\"/a\">a</a>")]
    [InlineData("<figure class=\"embed\" style=\"color:red\" onclick=\"x()\"><a href=\"javascript:alert(1)\">x</a></figure>", "<figure class=\"embed\"><a>x</a></figure>")]
    public void Classes_other_than_embed_on_a_figure_are_removed(string input, string expected) =>
        Assert.Equal(expected, sanitizing.Sanitize(input));

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
