using Kiosque.Search;

namespace Kiosque.Tests.Search;

public sealed class FrenchTextTests
{
    [Theory]
    [InlineData("négociations", "negoci")]
    [InlineData("négociation", "negoci")]
    [InlineData("négocier", "negoci")]
    [InlineData("journaux", "journa")]
    [InlineData("journal", "journa")]
    [InlineData("armées", "arme")]
    [InlineData("Biélorussie", "bielorussi")]
    [InlineData("lois", "loi")]
    [InlineData("mer", "mer")]
    public void The_light_stemmer_leaves_a_prefix_shared_by_the_word_forms(string word, string stem) =>
        Assert.Equal(stem, FrenchText.Stem(FrenchText.Fold(word)));

    [Fact]
    public void Words_split_elisions_fold_accents_and_ligatures()
    {
        Assert.Equal(["armee", "etat", "oeuvre", "ete", "ecole"], FrenchText.Words("L'armée d’État, qu’œuvre j'ÉTÉ l’école"));
        Assert.Empty(FrenchText.Words("l' \"*( ) --"));
    }

    [Fact]
    public void Content_words_leave_out_function_words_unless_nothing_else_is_left()
    {
        Assert.Equal(["grand", "debat", "lecteurs", "semaine"], FrenchText.ContentWords("Le grand débat des lecteurs sur la semaine"));
        Assert.Equal(["le", "la", "les"], FrenchText.ContentWords("Le, la, les"));
        Assert.Equal(["grand", "debat"], FrenchText.ContentWords("le grand débat des lecteurs", max: 2));
    }

    [Fact]
    public void Plain_text_strips_tags_and_decodes_entities()
    {
        Assert.Equal("Un <b>vrai</b> texte & deux paragraphes", FrenchText.PlainText("<p>Un &lt;b&gt;vrai&lt;/b&gt; texte &amp;</p><p>deux paragraphes</p>"));
        Assert.Equal("forgé", FrenchText.PlainText("forg\uE000é\uE001").Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Highlights_become_mark_elements_and_everything_else_is_escaped()
    {
        var marked = $"<script>\"x\" {FrenchText.MarkStart}armée{FrenchText.MarkEnd} & {FrenchText.MarkStart}l'État";
        Assert.Equal("&lt;script&gt;&quot;x&quot; <mark>armée</mark> &amp; <mark>l&#x27;État</mark>", FrenchText.HighlightToHtml(marked));
    }

    [Fact]
    public void The_sqlite_match_expression_only_holds_folded_words()
    {
        Assert.Equal("\"negoci\"* AND (\"lois\" OR \"loi\")", SqliteSearchEngine.MatchExpression("Négociations; lois\"*)", MatchMode.All));
        Assert.Equal("\"thon\"* OR \"atlant\"*", SqliteSearchEngine.MatchExpression("thons Atlantique", MatchMode.Any));
        Assert.Null(SqliteSearchEngine.MatchExpression("\"*()", MatchMode.All));
    }
}
