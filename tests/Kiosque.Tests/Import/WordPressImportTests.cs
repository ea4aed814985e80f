using System.Net;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Import;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Import.ImportSupport;

namespace Kiosque.Tests.Import;

public sealed class WordPressImportTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_theme_unit_test_export_is_imported_with_its_posts_pages_terms_comments_media_and_redirects(DatabaseKind database)
    {
        await using var app = await KiosqueApp.CreateAsync(database);
        var (code, output, error) = await RunAsync(app, "import", "wordpress", ThemeUnitTest);
        Assert.True(code == 0, error);
        Assert.Contains("Created: 58 articles, 21 pages", output, StringComparison.Ordinal);

        // 58 posts, 21 pages, 37 attachments; 33 comments less 5 on pages and 4 ping/trackbacks.
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(58, await db.Articles.CountAsync(Ct));
            Assert.Equal(21, await db.Pages.CountAsync(Ct));
            Assert.Equal(37, await db.Media.CountAsync(Ct));
            Assert.Equal(24, await db.Comments.CountAsync(Ct));
            Assert.Equal(2, await db.Authors.CountAsync(Ct));
            // Every body went through the sanitizer with block comments and shortcodes converted.
            var bodies = await db.Articles.Select(a => a.BodyHtml).ToListAsync(Ct);
            Assert.DoesNotContain(bodies, b => b.Contains("<!-- wp:", StringComparison.Ordinal) || b.Contains("[caption", StringComparison.Ordinal)
                || b.Contains("[gallery", StringComparison.Ordinal) || b.Contains("<script", StringComparison.OrdinalIgnoreCase));
            // Authors' accounts exist, disabled until invited.
            var users = await db.Users.ToListAsync(Ct);
            Assert.Equal(2, users.Count);
            Assert.All(users, u => Assert.NotNull(u.DisabledAt));
            Assert.All(users, u => Assert.Null(u.PasswordHash));
            return 0;
        });

        // A sticky post with its categories and tags, on the front page.
        var sticky = await ArticleAsync(app, "template-sticky");
        Assert.Equal(ArticleStatus.Published, sticky.Status);
        Assert.Equal("classic", sticky.Section.Slug);
        Assert.Equal(["sticky", "template"], sticky.Tags.Select(t => t.Name).Order());
        Assert.Single(sticky.Authors);
        Assert.False(sticky.CommentsEnabled);
        Assert.Equal(new DateTime(2012, 1, 7, 14, 7, 21, DateTimeKind.Utc), sticky.PublishedAt);
        Assert.Equal(sticky.Id, await app.WithDbAsync(db => db.FrontPageSlots.Select(s => s.ArticleId).SingleAsync(Ct)));

        // Statuses: draft, future → scheduled, password-protected → draft.
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(app, "draft")).Status);
        Assert.Equal(ArticleStatus.Scheduled, (await ArticleAsync(app, "scheduled")).Status);
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(app, "template-password-protected")).Status);

        // Excerpt → standfirst (plain text).
        var excerpt = await ArticleAsync(app, "template-excerpt-defined");
        Assert.StartsWith("This is a user-defined post excerpt.", excerpt.Standfirst, StringComparison.Ordinal);

        // A caption shortcode → figure and figcaption; a bare YouTube line → our video embed.
        var captioned = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.BodyHtml.Contains("blackboy husk, Clarkson"), Ct));
        Assert.Contains("<figcaption>Chunk of resinous blackboy husk, Clarkson, Western Australia.", captioned.BodyHtml, StringComparison.Ordinal);
        Assert.StartsWith("<figure><a href=", captioned.BodyHtml, StringComparison.Ordinal);
        Assert.StartsWith("<figure class=\"embed\"><a href=\"https://www.youtube.com/watch?v=SQEQr7c0-dw\"",
            (await ArticleAsync(app, "post-format-video-youtube")).BodyHtml, StringComparison.Ordinal);
        // Classic content gets paragraphs.
        Assert.StartsWith("<p>This is the post content.", (await ArticleAsync(app, "template-excerpt-generated")).BodyHtml, StringComparison.Ordinal);

        // A page, published.
        var about = await app.WithDbAsync(db => db.Pages.SingleAsync(p => p.Slug == "about", Ct));
        Assert.Equal("About The Tests", about.Title);
        Assert.Equal(PageStatus.Published, about.Status);

        // A thread ten deep is flattened under its first comment, in order, approved.
        var root = await CommentAsync(app, "Comment Depth 01");
        Assert.Null(root.ParentId);
        for (var depth = 2; depth <= 10; depth++)
        {
            var reply = await CommentAsync(app, $"Comment Depth {depth:00}");
            Assert.Equal(root.Id, reply.ParentId);
            Assert.Equal(root.ArticleId, reply.ArticleId);
            Assert.Equal(CommentStatus.Approved, reply.Status);
        }
        Assert.Equal(CommentStatus.Pending, (await CommentAsync(app, "this is test comment")).Status);

        // The old permalinks answer 301, with and without their trailing slash.
        using var client = app.CreateAnonymousClient();
        foreach (var old in new[] { "/2012/01/07/template-sticky/", "/2012/01/07/template-sticky" })
        {
            var response = await client.GetAsync(new Uri(old, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal("/classic/template-sticky", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/classic/template-sticky", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Importing_twice_creates_nothing_the_second_time_and_a_dry_run_changes_nothing()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var empty = await CountsAsync(app);

        var (dryCode, dryOutput, _) = await RunAsync(app, "import", "wordpress", ThemeUnitTest, "--dry-run");
        Assert.Equal(0, dryCode);
        Assert.Contains("Dry run: nothing was changed.", dryOutput, StringComparison.Ordinal);
        Assert.Contains("Would create: 58 articles, 21 pages", dryOutput, StringComparison.Ordinal);
        Assert.Equal(empty, await CountsAsync(app));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(Ct)));

        Assert.Equal(0, (await RunAsync(app, "import", "wordpress", ThemeUnitTest)).Code);
        var once = await CountsAsync(app);
        Assert.NotEqual(empty, once);

        var (code, output, _) = await RunAsync(app, "import", "wordpress", ThemeUnitTest);
        Assert.Equal(0, code);
        Assert.Contains("Created: 0 articles, 0 pages, 0 sections, 0 tags, 0 authors (0 disabled accounts), 0 media (0 files), 0 comments, 0 redirects",
            output, StringComparison.Ordinal);
        Assert.Equal(once, await CountsAsync(app));

        // A dry run after the import announces nothing new either.
        var (_, again, _) = await RunAsync(app, "import", "wordpress", ThemeUnitTest, "--dry-run");
        Assert.Contains("Would create: 0 articles, 0 pages", again, StringComparison.Ordinal);
        Assert.Equal(once, await CountsAsync(app));
    }

    [Fact]
    public async Task A_malformed_export_fails_with_its_line_and_reason_and_imports_nothing()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var empty = await CountsAsync(app);
        // Well-formed items first, then a broken one: nothing of the first ones may land.
        var head = Head + Item(1) + Item(2);
        var itemLine = head.Split('\n').Length;
        using var broken = Write(head + "<item>\n<title>Cassé</title>\n<wp:post_id>3</wp:post_id>\n</itme>\n" + Tail);
        var (code, output, error) = await RunAsync(app, "import", "wordpress", broken.Path);
        Assert.Equal(1, code);
        Assert.Contains($"line {itemLine + 3}", error, StringComparison.Ordinal);
        Assert.Contains("malformed", error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Equal(empty, await CountsAsync(app));

        // A well-formed file with a bad value names the line of the element.
        var text = Head + Item(1) + Item(2).Replace("<wp:post_id>2</wp:post_id>", "<wp:post_id>deux</wp:post_id>", StringComparison.Ordinal) + Tail;
        var badLine = text[..text.IndexOf("<wp:post_id>deux", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
        using var badNumber = Write(text);
        var (code2, _, error2) = await RunAsync(app, "import", "wordpress", badNumber.Path);
        Assert.Equal(1, code2);
        Assert.Contains($"line {badLine}: <wp:post_id> is \"deux\", not a number.", error2, StringComparison.Ordinal);
        Assert.Equal(empty, await CountsAsync(app));

        // Not an export at all.
        using var html = Write("<html><body>Bonjour</body></html>");
        var (code3, _, error3) = await RunAsync(app, "import", "wordpress", html.Path);
        Assert.Equal(1, code3);
        Assert.Contains("line 1: this is not a WordPress export", error3, StringComparison.Ordinal);
        Assert.Equal(empty, await CountsAsync(app));
    }

    [Fact]
    public async Task External_entities_and_entity_expansion_bombs_are_refused_before_anything_is_read()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var secret = Path.Combine(app.DataPath, "secret.txt");
        await File.WriteAllTextAsync(secret, "TOP-SECRET", Ct);
        var xxe = Head.Replace("<rss ", $"<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file://{secret}\"> ]>\n<rss ", StringComparison.Ordinal)
            + Item(1, "&xxe;") + Tail;
        var bomb = Head.Replace("<rss ", """
            <!DOCTYPE rss [
             <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
             <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
             <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
             <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
            ]>
            <rss 
            """, StringComparison.Ordinal) + Item(1).Replace("<title>", "<title>&d;", StringComparison.Ordinal) + Tail;
        foreach (var hostile in new[] { xxe, bomb })
        {
            using var file = Write(hostile);
            var (code, _, error) = await RunAsync(app, "import", "wordpress", file.Path);
            Assert.Equal(1, code);
            Assert.Contains("line 2: the file declares a DTD", error, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET", error, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.Articles.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_generated_export_of_ten_thousand_posts_is_imported_whole()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var path = Path.Combine(app.DataPath, "big.xml");
        Generate(path, 10_000);
        var (code, output, error) = await RunAsync(app, "import", "wordpress", path);
        Assert.True(code == 0, error);
        Assert.Contains("Created: 10000 articles", output, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            Assert.Equal(10_000, await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published, Ct));
            Assert.Equal(10_000, await db.Comments.CountAsync(Ct));
            Assert.Equal(20_000, await db.ArticleRedirects.CountAsync(Ct));
            var last = await db.Articles.Include(a => a.Tags).SingleAsync(a => a.Slug == "article-10000", Ct);
            Assert.Equal("<p>Premier paragraphe.</p>\n<p>Second paragraphe.</p>", last.BodyHtml);
            Assert.Equal("Chapô 10000", last.Standfirst);
            Assert.Equal("Local", Assert.Single(last.Tags).Name);
            return 0;
        });
    }

    [Fact]
    public async Task The_import_reports_its_progress_item_by_item_for_the_newsroom_progress_bar()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var reports = new List<(int Done, int Total)>();
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<WordPressImporter>();

        var report = await importer.ImportAsync(ThemeUnitTest, new WordPressImportOptions(), WordPressImporter.ImportActor, new Recorder(reports), Ct);

        // The total first, then one step per item read: the bar moves even in an export smaller than one batch.
        Assert.Equal(186, report.Items);
        Assert.All(reports, r => Assert.Equal(report.Items, r.Total));
        Assert.Equal(Enumerable.Range(0, report.Items + 1), reports.Select(r => r.Done));
    }

    sealed class Recorder(List<(int Done, int Total)> reports) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => reports.Add(value);
    }

    [Fact]
    public async Task Classic_bodies_get_paragraphs_around_lists_quotes_and_code_without_stray_line_breaks()
    {
        await using var app = await KiosqueApp.CreateAsync();
        // As the classic editor saves it: blocks on lines of their own, no blank line between text and list.
        const string body = "Ce billet teste :\n<ul>\n\t<li>les listes</li>\n\t<li>les <em>citations</em></li>\n</ul>\nUne ligne\npuis une autre.\n\n"
            + "<blockquote>Une citation.</blockquote>\n<pre>code\n  indenté\n\nfin</pre>\n<!--more-->\nFin.";
        using var file = Write(Head + Item(1, body) + Tail);
        var (code, _, error) = await RunAsync(app, "import", "wordpress", file.Path);
        Assert.True(code == 0, error);

        var html = (await ArticleAsync(app, "article-1")).BodyHtml;
        Assert.Equal("<p>Ce billet teste :</p>\n<ul>\n<li>les listes</li>\n<li>les <em>citations</em></li>\n</ul>\n<p>Une ligne<br>\npuis une autre.</p>\n"
            + "<blockquote>Une citation.</blockquote>\n<pre>code\n  indenté\n\nfin</pre>\n<p>Fin.</p>", html);
    }

    [Fact]
    public async Task Images_found_in_the_uploads_folder_are_stored_and_the_bodies_point_at_them()
    {
        await using var app = await KiosqueApp.CreateAsync();
        var uploads = Path.Combine(app.DataPath, "uploads");
        Directory.CreateDirectory(Path.Combine(uploads, "2024", "05"));
        await File.WriteAllBytesAsync(Path.Combine(uploads, "2024", "05", "photo.jpg"), TestImages.Jpeg(800, 600), Ct);
        var attachment = """
            <item>
            <title>photo</title>
            <guid isPermaLink="false">https://gen.example.org/wp-content/uploads/2024/05/photo.jpg</guid>
            <excerpt:encoded><![CDATA[Le port au matin]]></excerpt:encoded>
            <wp:post_id>900</wp:post_id>
            <wp:post_parent>1</wp:post_parent>
            <wp:status>inherit</wp:status>
            <wp:post_type>attachment</wp:post_type>
            <wp:attachment_url>https://gen.example.org/wp-content/uploads/2024/05/photo.jpg</wp:attachment_url>
            <wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[Des bateaux]]></wp:meta_value></wp:postmeta>
            </item>

            """;
        var post = Item(1, """[caption id="attachment_900" width="800"]<img src="https://gen.example.org/wp-content/uploads/2024/05/photo.jpg" alt="Des bateaux"> Le port[/caption]""")
            .Replace("</item>", "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>900</wp:meta_value></wp:postmeta>\n</item>", StringComparison.Ordinal);
        using var file = Write(Head + attachment + post + Tail);
        var (code, _, error) = await RunAsync(app, "import", "wordpress", file.Path, "--uploads", uploads);
        Assert.True(code == 0, error);

        var media = await app.WithDbAsync(db => db.Media.SingleAsync(Ct));
        Assert.StartsWith("/media/", media.Url, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app.DataPath, "media", media.StoragePath)));
        Assert.Equal((800, 600, "Des bateaux", "Le port au matin"), (media.Width, media.Height, media.Alt, media.Caption));
        var article = await ArticleAsync(app, "article-1");
        Assert.Equal(media.Id, article.LeadImageId);
        Assert.Equal($"<figure><img src=\"{media.Url}\" alt=\"Des bateaux\"><figcaption>Le port</figcaption></figure>", article.BodyHtml);
    }
}
