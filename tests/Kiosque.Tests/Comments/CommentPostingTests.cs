using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Comments.CommentsTestSupport;

namespace Kiosque.Tests.Comments;

public sealed class CommentPostingTests
{
    [Fact]
    public async Task A_comment_in_post_moderation_appears_after_the_redirect_back_to_the_article()
    {
        var (app, _) = await CreateAsync();
        await using var _app = app;
        var reader = NewsroomSession.Open(app);

        using var response = await PostCommentAsync(reader, "Lucie", "lucie@example.fr",
            "Premier paragraphe.\n\nSecond paragraphe,\nsur deux lignes. Voir https://exemple.fr/page.");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{ArticlePath}?commentaire=publie#commentaires", response.Headers.Location!.OriginalString);

        var doc = await app.CreateAnonymousClient().GetDocumentAsync($"{ArticlePath}?commentaire=publie");
        Assert.Equal(CommentText.Published, doc.QuerySelector(".comments-status")!.TextContent.Trim());
        var comment = doc.QuerySelector(".comment")!;
        Assert.Equal("Lucie", comment.QuerySelector(".comment-author")!.TextContent);
        Assert.Equal(2, comment.QuerySelectorAll(".comment-text p").Length);
        Assert.NotNull(comment.QuerySelector(".comment-text br"));
        var link = comment.QuerySelector<IHtmlAnchorElement>(".comment-text a")!;
        Assert.Equal("https://exemple.fr/page", link.GetAttribute("href"));
        Assert.Equal("nofollow ugc noopener", link.GetAttribute("rel"));
        Assert.DoesNotContain("lucie@example.fr", doc.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(CommentText.Count1, doc.QuerySelector(".comments-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task Pre_moderation_holds_the_comment_until_an_editor_approves_it()
    {
        var (app, _) = await CreateAsync(s => s.CommentModeration = CommentModeration.Pre);
        await using var _app = app;
        using var response = await PostCommentAsync(NewsroomSession.Open(app), "Marc", "marc@example.fr", "Un avis réfléchi.");
        Assert.EndsWith("?commentaire=en-attente#commentaires", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(CommentStatus.Pending, (await app.CommentsAsync()).Single().Status);
        var doc = await app.CreateAnonymousClient().GetDocumentAsync(ArticlePath);
        Assert.Null(doc.QuerySelector(".comment"));
    }

    [Fact]
    public async Task Post_moderation_still_holds_a_first_time_commenter_when_set()
    {
        var (app, _) = await CreateAsync(s => s.CommentsHoldFirstTime = true);
        await using var _app = app;
        var reader = NewsroomSession.Open(app);
        using var first = await PostCommentAsync(reader, "Inès", "ines@example.fr", "Mon tout premier commentaire.");
        var held = Assert.Single(await app.CommentsAsync());
        Assert.Equal(CommentStatus.Pending, held.Status);
        Assert.Equal("premier commentaire", held.HeldReason);

        await app.WithDbAsync(async db => { (await db.Comments.SingleAsync()).Status = CommentStatus.Approved; return await db.SaveChangesAsync(); });
        using var second = await PostCommentAsync(reader, "Inès", "ines@example.fr", "Un deuxième, publié tout de suite.");
        Assert.Equal(CommentStatus.Approved, (await app.CommentsAsync())[1].Status);
    }

    [Fact]
    public async Task Oversized_text_and_invalid_email_give_field_errors_and_keep_what_was_typed()
    {
        var (app, _) = await CreateAsync();
        await using var _app = app;
        var body = string.Concat(Enumerable.Repeat("Un texte très long. ", 300));
        using var response = await PostCommentAsync(NewsroomSession.Open(app), "Jeanne d’Arc", "pas-une-adresse", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = await NewsroomSession.ParseAsync(response);
        Assert.Equal(CommentText.EmailInvalid, doc.QuerySelector("#comment-email-error")!.TextContent.Trim());
        Assert.Equal(CommentText.BodyTooLong(body.Trim().Length), doc.QuerySelector("#comment-body-error")!.TextContent.Trim());
        Assert.Equal(body.Trim(), doc.QuerySelector<IHtmlTextAreaElement>("#comment-body")!.Value.Trim());
        Assert.Equal("pas-une-adresse", doc.QuerySelector<IHtmlInputElement>("#comment-email")!.Value);
        Assert.Equal("Jeanne d’Arc", doc.QuerySelector<IHtmlInputElement>("#comment-name")!.Value);
        Assert.NotNull(doc.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Empty(await app.CommentsAsync());
    }

    [Fact]
    public async Task The_honeypot_looks_like_success_and_stores_nothing()
    {
        var (app, _) = await CreateAsync();
        await using var _app = app;
        using var response = await PostCommentAsync(NewsroomSession.Open(app), "Robot", "robot@example.fr", "Achetez !", website: "https://spam.example");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await app.CommentsAsync());
    }

    [Fact]
    public async Task A_form_sent_faster_than_the_minimum_time_is_shown_again_with_the_text()
    {
        var (app, _) = await CreateAsync(config: Relaxed(new() { ["Kiosque:Comments:MinSecondsToSubmit"] = "60" }));
        await using var _app = app;
        using var response = await PostCommentAsync(NewsroomSession.Open(app), "Pressé", "presse@example.fr", "Vite vite.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = await NewsroomSession.ParseAsync(response);
        Assert.Contains(CommentText.TooFast, doc.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Vite vite.", doc.QuerySelector<IHtmlTextAreaElement>("#comment-body")!.Value);
        Assert.Empty(await app.CommentsAsync());
    }

    [Fact]
    public async Task Rate_limits_per_ip_and_per_email_answer_429_with_retry_after()
    {
        var (app, _) = await CreateAsync(config: Relaxed(new() { ["Kiosque:Comments:PerEmailLimit"] = "2" }));
        await using (app)
        {
            var reader = NewsroomSession.Open(app);
            for (var i = 0; i < 2; i++)
            {
                using var ok = await PostCommentAsync(reader, "Paul", "paul@example.fr", $"Commentaire numéro {i}.");
                Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
            }
            using var limited = await PostCommentAsync(reader, "Paul", "paul@example.fr", "Encore un.");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            var doc = await NewsroomSession.ParseAsync(limited);
            Assert.Equal("Encore un.", doc.QuerySelector<IHtmlTextAreaElement>("#comment-body")!.Value);
        }

        var (ipApp, _) = await CreateAsync(config: Relaxed(new() { ["Kiosque:Comments:PerIpLimit"] = "2" }));
        await using (ipApp)
        {
            // Two POSTs per comment (preview is free, publishing counts): the second publish trips the limiter.
            var reader = NewsroomSession.Open(ipApp);
            using var ok = await PostCommentAsync(reader, "Zoé", "zoe@example.fr", "Un.");
            using var ok2 = await PostCommentAsync(reader, "Zoé", "zoe2@example.fr", "Deux.");
            using var limited = await PostCommentAsync(reader, "Zoé", "zoe3@example.fr", "Trois.");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.NotNull(limited.Headers.RetryAfter);
            Assert.Equal(2, (await ipApp.CommentsAsync()).Count);
        }
    }

    [Fact]
    public async Task Duplicates_banned_domains_and_too_many_links_are_refused_and_banned_words_held()
    {
        var (app, _) = await CreateAsync(s =>
        {
            s.CommentsBannedWords = "arnaque";
            s.CommentsBannedDomains = "casino.example";
            s.CommentsMaxLinks = 1;
        });
        await using var _app = app;
        var reader = NewsroomSession.Open(app);

        using var first = await PostCommentAsync(reader, "Léa", "lea@example.fr", "Le même texte.");
        using var duplicate = await PostCommentAsync(reader, "Léa", "lea@example.fr", "Le même texte.");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains(CommentText.Duplicate, (await NewsroomSession.ParseAsync(duplicate)).QuerySelector("#comment-body-error")!.TextContent, StringComparison.Ordinal);

        using var banned = await PostCommentAsync(reader, "Léa", "lea@example.fr", "Allez sur https://www.casino.example/bonus");
        Assert.Contains(CommentText.BannedDomain, (await NewsroomSession.ParseAsync(banned)).QuerySelector("#comment-body-error")!.TextContent, StringComparison.Ordinal);

        using var links = await PostCommentAsync(reader, "Léa", "lea@example.fr", "https://a.example et www.b.example");
        Assert.Contains(CommentText.TooManyLinks(1), (await NewsroomSession.ParseAsync(links)).QuerySelector("#comment-body-error")!.TextContent, StringComparison.Ordinal);

        using var word = await PostCommentAsync(reader, "Léa", "lea@example.fr", "C’est une ARNAQUE, voyons.");
        Assert.EndsWith("en-attente#commentaires", word.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var stored = await app.CommentsAsync();
        Assert.Equal([CommentStatus.Approved, CommentStatus.Pending], stored.Select(c => c.Status));
        Assert.Equal("mot interdit : arnaque", stored[1].HeldReason);
    }

    [Fact]
    public async Task Replies_are_one_level_deep_and_a_report_raises_the_comment_in_the_queue()
    {
        var (app, _) = await CreateAsync();
        await using var _app = app;
        var reader = NewsroomSession.Open(app);
        using var top = await PostCommentAsync(reader, "Anne", "anne@example.fr", "Une question ?");
        var topId = (await app.CommentsAsync()).Single().Id;
        using var reply = await PostCommentAsync(reader, "Bruno", "bruno@example.fr", "Une réponse.", replyTo: topId);
        var replyId = (await app.CommentsAsync())[1].Id;
        using var replyToReply = await PostCommentAsync(reader, "Anne", "anne@example.fr", "Merci.", replyTo: replyId);
        Assert.All((await app.CommentsAsync()).Skip(1), c => Assert.Equal(topId, c.ParentId));

        var doc = await app.CreateAnonymousClient().GetDocumentAsync(ArticlePath);
        Assert.Equal(2, doc.QuerySelectorAll($"#commentaire-{topId} .comment-replies > li").Length);

        var (_, reportPage) = await reader.GetAsync($"/commentaires/signaler/{replyId}");
        var token = reportPage.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var reported = await reader.PostAsync($"/commentaires/signaler/{replyId}", new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        Assert.EndsWith("?commentaire=signale#commentaires", reported.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, (await app.CommentsAsync()).Single(c => c.Id == replyId).Reports);
    }

    [Fact]
    public async Task Posting_without_an_anti_forgery_token_writes_nothing()
    {
        var (app, articleId) = await CreateAsync();
        await using var _app = app;
        using var response = await app.CreateAnonymousClient().PostAsync("/commentaires", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ArticleId"] = articleId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Name"] = "X", ["Email"] = "x@example.fr", ["Body"] = "Sans jeton.",
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.CommentsAsync());
    }

    [Fact]
    public async Task Ip_hashes_use_a_random_key_kept_in_the_data_folder_unless_one_is_configured()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kiosque-iphash-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            string first, again;
            await using (var app = await KiosqueApp.CreateAsync(dataPath: dataPath))
                first = app.Services.GetRequiredService<CommentTokens>().IpHash("203.0.113.7");
            await using (var app = await KiosqueApp.CreateAsync(dataPath: dataPath))
                again = app.Services.GetRequiredService<CommentTokens>().IpHash("203.0.113.7");
            Assert.Equal(first, again);
            var key = await File.ReadAllBytesAsync(Path.Combine(dataPath, "secrets", "comments-ip-hash.key"), TestContext.Current.CancellationToken);
            Assert.Equal(32, key.Length);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, "203.0.113.7"u8)), first);

            // Another installation hashes differently; a configured key is used as given.
            await using (var other = await KiosqueApp.CreateAsync())
                Assert.NotEqual(first, other.Services.GetRequiredService<CommentTokens>().IpHash("203.0.113.7"));
            await using var configured = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?> { ["Kiosque:Comments:IpHashKey"] = "une clé longue et secrète" });
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("une clé longue et secrète"u8, "203.0.113.7"u8)),
                configured.Services.GetRequiredService<CommentTokens>().IpHash("203.0.113.7"));
        }
        finally
        {
            try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
        }
    }
}
