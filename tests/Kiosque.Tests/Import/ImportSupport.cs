using System.Globalization;
using System.Text;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Import;

public static class ImportSupport
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The WordPress "Theme Unit Test" export, copied into the test fixtures.</summary>
    public static string ThemeUnitTest => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "themeunittestdata.wordpress.xml");

    public static async Task<(int Code, string Output, string Error)> RunAsync(KiosqueApp app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await Kiosque.Cli.Cli.RunAsync(app.Services, args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Row counts of every table an import writes to: equal before and after means nothing changed.</summary>
    public static Task<string> CountsAsync(KiosqueApp app) => app.WithDbAsync(async db => string.Join(", ",
        "articles " + await db.Articles.CountAsync(Ct),
        "pages " + await db.Pages.CountAsync(Ct),
        "sections " + await db.Sections.CountAsync(Ct),
        "tags " + await db.Tags.CountAsync(Ct),
        "authors " + await db.Authors.CountAsync(Ct),
        "users " + await db.Users.CountAsync(Ct),
        "media " + await db.Media.CountAsync(Ct),
        "comments " + await db.Comments.CountAsync(Ct),
        "redirects " + await db.ArticleRedirects.CountAsync(Ct),
        "front " + await db.FrontPageSlots.CountAsync(Ct)));

    /// <summary>A temporary file holding <paramref name="text"/>, deleted with the returned handle.</summary>
    public static TempFile Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), "kiosque-wxr-" + Guid.NewGuid().ToString("N")[..12] + ".xml");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return new TempFile(path);
    }

    public sealed class TempFile(string path) : IDisposable
    {
        public string Path { get; } = path;
        public void Dispose() => File.Delete(Path);
    }

    public const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
        <title>Gen</title><link>https://gen.example.org</link><wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_blog_url>https://gen.example.org</wp:base_blog_url>
        <wp:author><wp:author_login>redac</wp:author_login><wp:author_email>redac@gen.example.org</wp:author_email><wp:author_display_name><![CDATA[La Rédaction]]></wp:author_display_name></wp:author>
        <wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>actu</wp:category_nicename><wp:cat_name><![CDATA[Actu]]></wp:cat_name></wp:category>
        <wp:tag><wp:term_id>2</wp:term_id><wp:tag_slug>local</wp:tag_slug><wp:tag_name><![CDATA[Local]]></wp:tag_name></wp:tag>

        """;

    public static string Item(int id, string body = "Premier paragraphe.\n\nSecond paragraphe.") => string.Create(CultureInfo.InvariantCulture, $"""
        <item>
        <title>Article numéro {id}</title>
        <link>https://gen.example.org/{2020 + id % 5}/01/02/article-{id}/</link>
        <dc:creator>redac</dc:creator>
        <guid isPermaLink="false">https://gen.example.org/?p={id}</guid>
        <content:encoded><![CDATA[{body}]]></content:encoded>
        <excerpt:encoded><![CDATA[Chapô {id}]]></excerpt:encoded>
        <wp:post_id>{id}</wp:post_id>
        <wp:post_date_gmt>2021-03-04 05:06:07</wp:post_date_gmt>
        <wp:comment_status>open</wp:comment_status>
        <wp:post_name>article-{id}</wp:post_name>
        <wp:status>publish</wp:status>
        <wp:post_type>post</wp:post_type>
        <wp:is_sticky>0</wp:is_sticky>
        <category domain="category" nicename="actu"><![CDATA[Actu]]></category>
        <category domain="post_tag" nicename="local"><![CDATA[Local]]></category>
        <wp:comment><wp:comment_id>{id}</wp:comment_id><wp:comment_author><![CDATA[Lecteur]]></wp:comment_author><wp:comment_author_email>l@example.org</wp:comment_author_email><wp:comment_date_gmt>2021-03-05 05:06:07</wp:comment_date_gmt><wp:comment_content><![CDATA[Merci !]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
        </item>

        """);

    public const string Tail = "</channel>\n</rss>\n";

    /// <summary>Writes an export of <paramref name="posts"/> posts to <paramref name="path"/>, streaming.</summary>
    public static void Generate(string path, int posts)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write(Head);
        for (var i = 1; i <= posts; i++) writer.Write(Item(i));
        writer.Write(Tail);
    }

    public static Task<Comment> CommentAsync(KiosqueApp app, string startsWith) =>
        app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Body.StartsWith(startsWith), Ct));

    public static Task<Article> ArticleAsync(KiosqueApp app, string slug) =>
        app.WithDbAsync(db => db.Articles.Include(a => a.Section).Include(a => a.Tags).Include(a => a.Authors)
            .SingleAsync(a => a.Slug == slug, Ct));
}
