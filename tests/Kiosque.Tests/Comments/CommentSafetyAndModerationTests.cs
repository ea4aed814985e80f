using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Kiosque.Api;
using Kiosque.Comments;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Kiosque.Tests.Accounts;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using static Kiosque.Tests.Comments.CommentsTestSupport;

namespace Kiosque.Tests.Comments;

public sealed partial class CommentSafetyAndModerationTests
{
    public static readonly string[] XssCorpus = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Comments", "Fixtures", "xss-corpus.txt"))
        .Where(l => l.Length > 0).ToArray();

    static readonly string[] AllowedInText = ["P", "BR", "A"];

    [Fact]
    public async Task Xss_corpus_posted_as_name_and_text_renders_as_text_only()
    {
        Assert.True(XssCorpus.Length >= 100, $"{XssCorpus.Length} strings in the corpus");
        var (app, _) = await CreateAsync();
        await using var _app = app;
        var reader = NewsroomSession.Open(app);
        for (var i = 0; i < XssCorpus.Length; i++)
        {
            var name = XssCorpus[i].Length <= Comment.MaxName ? XssCorpus[i] : XssCorpus[i][..Comment.MaxName];
            using var response = await PostCommentAsync(reader, name, $"lecteur{i}@example.fr", XssCorpus[i]);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"#{i} {XssCorpus[i]}: {(int)response.StatusCode}");
        }

        var doc = await app.CreateAnonymousClient().GetDocumentAsync(ArticlePath);
        var comments = doc.QuerySelectorAll(".comment-list > .comment > .comment-body");
        Assert.Equal(XssCorpus.Length, comments.Length);
        foreach (var (comment, i) in comments.Select((c, i) => (c, i)))
        {
            var author = comment.QuerySelector(".comment-author")!;
            Assert.Empty(author.Children);
            Assert.Equal(XssCorpus[i].Length <= Comment.MaxName ? XssCorpus[i].Trim() : XssCorpus[i][..Comment.MaxName].Trim(), author.TextContent);
            var text = comment.QuerySelector(".comment-text")!;
            foreach (var element in text.QuerySelectorAll("*"))
            {
                Assert.Contains(element.TagName, AllowedInText);
                Assert.All(element.Attributes, a => Assert.Contains(a.Name, new[] { "href", "rel" }));
                if (element is IHtmlAnchorElement link)
                    Assert.Matches("^https?://", link.GetAttribute("href")!);
            }
            // What readers see is what was typed, character for character (line breaks aside).
            Assert.Equal(Regex.Replace(XssCorpus[i].Trim(), @"\s+", " "), Regex.Replace(text.TextContent, @"\s+", " ").Trim());
        }
        Assert.Empty(doc.QuerySelectorAll("main script, main iframe, main img[onerror], main svg, main object, main embed, main style"));
    }

    [Fact]
    public async Task Suspension_shows_the_message_and_no_form_with_existing_comments_shown_or_hidden_by_setting()
    {
        var (app, _) = await CreateAsync();
        await using var _app = app;
        using var posted = await PostCommentAsync(NewsroomSession.Open(app), "Claire", "claire@example.fr", "Avant la suspension.");
        const string message = "Après trop d’excès, la rédaction ferme les commentaires. Partagez plutôt l’article.";
        await app.UpdateSettingsAsync(s => { s.CommentsSuspended = true; s.CommentsSuspendedMessage = message; s.CommentsShowWhenSuspended = true; });

        var shown = await app.CreateAnonymousClient().GetDocumentAsync(ArticlePath);
        var area = shown.QuerySelector(".comments")!;
        Assert.Equal(message, area.QuerySelector(".comments-suspended")!.TextContent.Trim());
        Assert.Empty(shown.QuerySelectorAll("main form.comment-form"));
        Assert.Equal("Avant la suspension.", area.QuerySelector(".comment-text")!.TextContent.Trim());

        await app.UpdateSettingsAsync(s => s.CommentsShowWhenSuspended = false);
        var hidden = await app.CreateAnonymousClient().GetDocumentAsync(ArticlePath);
        Assert.Null(hidden.QuerySelector(".comment"));
        Assert.Empty(hidden.QuerySelectorAll("main form.comment-form"));
        Assert.Equal(message, hidden.QuerySelector(".comments-suspended")!.TextContent.Trim());
        using var api = await app.CreateAnonymousClient().GetAsync($"/api/v1/articles/{(await app.CommentsAsync())[0].ArticleId}/comments", TestContext.Current.CancellationToken);
        Assert.Equal("[]", await api.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Comments_close_automatically_after_the_set_number_of_days()
    {
        var (app, _) = await CreateAsync(s => s.CommentsCloseAfterDays = 30);
        await using var _app = app;
        var doc = await app.CreateAnonymousClient().GetDocumentAsync(ArticlePath);
        Assert.Equal(CommentText.Closed, doc.QuerySelector(".comments-closed")!.TextContent.Trim());
        Assert.Empty(doc.QuerySelectorAll("main form.comment-form"));
    }

    [Fact]
    public async Task Editors_approve_in_bulk_and_removing_a_published_comment_leaves_an_audit_entry()
    {
        var (app, _) = await CreateAsync(s => s.CommentModeration = Kiosque.Content.CommentModeration.Pre);
        await using var _app = app;
        var reader = NewsroomSession.Open(app);
        for (var i = 0; i < 3; i++)
            using (await PostCommentAsync(reader, $"Lecteur {i}", $"l{i}@example.fr", $"Avis numéro {i}.")) { }
        var ids = (await app.CommentsAsync()).Select(c => c.Id).ToList();

        var editor = await NewsroomSession.SignedInAsync(app, "redac@example.fr", Roles.Editor);
        var (status, queue) = await editor.GetAsync("/newsroom/commentaires");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, queue.QuerySelectorAll(".queue-item").Length);
        Assert.NotNull(queue.QuerySelector("a[href='/newsroom/commentaires']"));
        var form = queue.QuerySelector<IHtmlFormElement>("form#queue")!;
        var token = form.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var bulk = await editor.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("act", "approve"),
            new("ids", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ids", ids[1].ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        Assert.Equal(["Approved", "Approved", "Pending"], (await app.CommentsAsync()).Select(c => c.Status.ToString()));

        using var single = await editor.Client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("act", $"delete:{ids[0]}")]), TestContext.Current.CancellationToken);
        Assert.Equal(CommentStatus.Deleted, (await app.CommentsAsync())[0].Status);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "comment").OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audit, a => a.Action == "comment.deleted" && a.EntityId == ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture)
                                    && a.ActorName.Length > 0 && a.Summary.StartsWith("Approved → Deleted", StringComparison.Ordinal));

        var page = await app.CreateAnonymousClient().GetDocumentAsync(ArticlePath);
        Assert.Equal(["Avis numéro 1."], page.QuerySelectorAll(".comment-text").Select(e => e.TextContent.Trim()));

        var contributor = await NewsroomSession.SignedInAsync(app, "pigiste@example.fr", Roles.Contributor);
        var (denied, _) = await contributor.GetAsync("/newsroom/commentaires");
        Assert.NotEqual(HttpStatusCode.OK, denied);
    }

    [Fact]
    public async Task The_api_lists_approves_rejects_and_deletes_with_problem_details()
    {
        var (app, articleId) = await CreateAsync(s => s.CommentModeration = Kiosque.Content.CommentModeration.Pre);
        await using var _app = app;
        var reader = NewsroomSession.Open(app);
        using (await PostCommentAsync(reader, "Un", "un@example.fr", "Premier.")) { }
        using (await PostCommentAsync(reader, "Deux", "deux@example.fr", "Second.")) { }
        var ids = (await app.CommentsAsync()).Select(c => c.Id).ToList();
        var ct = TestContext.Current.CancellationToken;

        var anonymous = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/comments", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/v1/comments/{ids[0]}/approve", null, ct)).StatusCode);

        var editor = await app.CreateApiClientAsync(Roles.Editor);
        var pending = await editor.GetFromJsonAsync<JsonElement>("/api/v1/comments?status=pending", ct);
        Assert.Equal(2, pending.GetArrayLength());
        Assert.Equal("un@example.fr", pending[0].GetProperty("authorEmail").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/v1/comments/{ids[0]}/approve", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await editor.PostAsync($"/api/v1/comments/{ids[1]}/reject", null, ct)).StatusCode);
        var missing = await editor.DeleteAsync("/api/v1/comments/999999", ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        var badStatus = await editor.GetAsync("/api/v1/comments?status=nimportequoi", ct);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);

        var published = await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{articleId}/comments", ct);
        Assert.Equal(1, published.GetArrayLength());
        Assert.Equal("Premier.", published[0].GetProperty("body").GetString());
        Assert.False(published[0].TryGetProperty("authorEmail", out _));

        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync($"/api/v1/comments/{ids[0]}", ct)).StatusCode);
        Assert.Equal(0, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/v1/articles/{articleId}/comments", ct)).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/v1/articles/999999/comments", ct)).StatusCode);
    }

    [GeneratedRegex(@"https?://\S+/commentaires/desabonnement\?jeton=\S+")]
    private static partial Regex UnsubscribeLink();

    [Fact]
    public async Task A_reply_e_mails_the_parent_author_with_a_working_unsubscribe_link()
    {
        var (app, _) = await CreateAsync();
        await using var _app = app;
        var reader = NewsroomSession.Open(app);
        using (await PostCommentAsync(reader, "Agathe", "agathe@example.fr", "Qui a lu le rapport ?", notify: true)) { }
        var parentId = (await app.CommentsAsync()).Single().Id;
        using (await PostCommentAsync(reader, "Basile", "basile@example.fr", "Moi, il est passionnant.", replyTo: parentId)) { }

        var file = Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "mail"), "*.eml"));
        var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("agathe@example.fr", message.To.Mailboxes.Single().Address);
        Assert.Contains("Basile", message.TextBody ?? "", StringComparison.Ordinal);
        Assert.Contains("Moi, il est passionnant.", message.TextBody ?? "", StringComparison.Ordinal);
        var link = UnsubscribeLink().Match(message.TextBody ?? "").Value;
        Assert.NotEmpty(link);

        var (_, page) = await reader.GetAsync(new Uri(link).PathAndQuery);
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        using var done = await reader.PostAsync(new Uri(link).PathAndQuery, form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden").ToDictionary(i => i.Name!, i => i.Value));
        Assert.Contains(CommentText.Unsubscribed, (await NewsroomSession.ParseAsync(done)).QuerySelector(".comments-status")!.TextContent, StringComparison.Ordinal);
        Assert.False((await app.CommentsAsync()).Single(c => c.Id == parentId).NotifyOnReply);

        // No more e-mail for the next reply.
        using (await PostCommentAsync(reader, "Basile", "basile@example.fr", "Et la suite aussi.", replyTo: parentId)) { }
        Assert.Single(Directory.GetFiles(Path.Combine(app.DataPath, "mail"), "*.eml"));
    }

    [Fact]
    public async Task The_daily_digest_mails_the_queue_to_editors_and_admins_once_a_day_when_the_setting_is_on()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        var app = await KiosqueApp.CreateAsync(extra: Relaxed(), services: s => s.AddSingleton<TimeProvider>(clock));
        await using var _app = app;
        await app.UpdateSettingsAsync(s => { s.CommentModeration = CommentModeration.Pre; s.CommentsDailyDigest = false; });
        var section = SiteData.Section("Société", "societe", 1);
        await app.AddAsync(SiteData.Article(section, "la-rentree-scolaire", "La rentrée scolaire", publishedAt: clock.GetUtcNow().UtcDateTime.AddDays(-1)));
        await NewsroomSession.CreateUserAsync(app.Services, "edition@example.fr", Roles.Editor);
        await NewsroomSession.CreateUserAsync(app.Services, "admin@example.fr", Roles.Admin);
        await NewsroomSession.CreateUserAsync(app.Services, "plume@example.fr", Roles.Contributor);
        using (await PostCommentAsync(NewsroomSession.Open(app), "Agathe", "agathe@example.fr", "Un avis à modérer.")) { }
        var mail = Path.Combine(app.DataPath, "mail");
        string[] Mails() => Directory.Exists(mail) ? Directory.GetFiles(mail, "*.eml") : [];
        var ct = TestContext.Current.CancellationToken;

        async Task<bool> RunAsync(string holder)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await CommentDigest.RunOnceAsync(scope.ServiceProvider, holder, ct);
        }

        // Off: nothing.
        Assert.False(await RunAsync("a"));
        Assert.Empty(Mails());

        // On: one instance wins the day and mails editors and admins (not contributors); the other finds it taken.
        await app.UpdateSettingsAsync(s => s.CommentsDailyDigest = true);
        Assert.True(await RunAsync("a"));
        Assert.False(await RunAsync("b"));
        var messages = await Task.WhenAll(Mails().Select(f => MimeMessage.LoadAsync(f, ct)));
        Assert.Equal(["admin@example.fr", "edition@example.fr"], messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        Assert.All(messages, m =>
        {
            Assert.Equal("Commentaires à modérer : 1", m.Subject);
            Assert.Contains("Agathe sur « La rentrée scolaire » : Un avis à modérer.", m.TextBody, StringComparison.Ordinal);
            Assert.Contains("/newsroom/commentaires", m.HtmlBody, StringComparison.Ordinal);
        });

        // The next day, again, once: the service's own timer ticks too when the clock moves, and whichever runs
        // first wins the day.
        clock.Advance(TimeSpan.FromDays(1));
        await RunAsync("b");
        for (var i = 0; i < 100 && Mails().Length < 4; i++) await Task.Delay(100, ct);
        Assert.False(await RunAsync("c"));
        Assert.Equal(4, Mails().Length);
    }
}
