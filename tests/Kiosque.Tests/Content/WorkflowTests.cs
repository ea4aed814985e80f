using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using static Kiosque.Tests.Api.Api;
using static Kiosque.Tests.Content.Workflow;

namespace Kiosque.Tests.Content;

public sealed class WorkflowTests(WorkflowApp w) : IClassFixture<WorkflowApp>
{
    [Fact]
    public async Task A_contributor_writes_and_submits_a_draft_then_cannot_change_it_while_in_review()
    {
        var id = await w.Contributor.DraftAsync();
        await (await w.Contributor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "politique", headline = "Relu par l'auteur" })).AssertStatusAsync(HttpStatusCode.OK);
        var submitted = await (await w.Contributor.ActAsync(id, "submit")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("in-review", submitted.GetProperty("status").GetString());

        await (await w.Contributor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "politique", headline = "Encore" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await w.Contributor.ActAsync(id, "submit")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("in-review", await w.Editor.StatusAsync(id));
        var stored = await w.App.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id, Ct));
        Assert.Equal("Relu par l'auteur", stored.Headline);
    }

    [Fact]
    public async Task A_contributor_never_publishes_schedules_unpublishes_returns_or_deletes()
    {
        var own = await w.Contributor.DraftAsync();
        var later = new { publishedAt = w.Clock.GetUtcNow().AddHours(2) };
        foreach (var (verb, body) in new (string, object?)[] { ("publish", null), ("schedule", later), ("unpublish", null), ("draft", null), ("corrections", new { text = "Non." }) })
            await (await w.Contributor.ActAsync(own, verb, body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await w.Contributor.DeleteAsync(new Uri($"/api/v1/articles/{own}", UriKind.Relative), Ct)).AssertProblemAsync(HttpStatusCode.Forbidden);

        await (await w.Editor.ActAsync(own, "publish")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Contributor.ActAsync(own, "unpublish")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await w.Contributor.PutJsonAsync($"/api/v1/articles/{own}", new { section = "politique", headline = "Retouche" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("published", await w.Editor.StatusAsync(own));
    }

    [Fact]
    public async Task A_contributor_cannot_touch_another_contributors_or_an_editors_draft()
    {
        foreach (var owner in new[] { w.OtherContributor, w.Editor })
        {
            var theirs = await owner.DraftAsync(headline: "À quelqu'un d'autre " + Guid.NewGuid().ToString("N")[..6]);
            await (await w.Contributor.PutJsonAsync($"/api/v1/articles/{theirs}", new { section = "politique", headline = "Volé" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await w.Contributor.ActAsync(theirs, "submit")).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await w.Contributor.ActAsync(theirs, "revisions/1/restore")).AssertProblemAsync(HttpStatusCode.Forbidden);
            Assert.StartsWith("À quelqu'un d'autre", (await w.App.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == theirs, Ct))).Headline, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Kiosque.Api.Roles.Editor)]
    [InlineData(Kiosque.Api.Roles.Admin)]
    public async Task Editors_and_admins_walk_every_allowed_transition_and_are_refused_the_others(string role)
    {
        using var client = await w.App.CreateApiClientAsync(role);
        var id = await w.Contributor.DraftAsync();
        var soon = w.Clock.GetUtcNow().AddHours(1);
        async Task Step(string verb, HttpStatusCode expected, string status, object? body = null)
        {
            var response = await client.ActAsync(id, verb, body);
            if (expected == HttpStatusCode.OK) await response.AssertStatusAsync(expected);
            else await response.AssertProblemAsync(expected);
            Assert.Equal(status, await client.StatusAsync(id));
        }

        await Step("unpublish", HttpStatusCode.Conflict, "draft");
        await Step("submit", HttpStatusCode.OK, "in-review");
        await Step("draft", HttpStatusCode.OK, "draft");
        await Step("submit", HttpStatusCode.OK, "in-review");
        await Step("schedule", HttpStatusCode.OK, "scheduled", new { publishedAt = soon });
        await Step("schedule", HttpStatusCode.BadRequest, "scheduled", new { publishedAt = w.Clock.GetUtcNow().AddHours(-1) });
        await Step("submit", HttpStatusCode.Conflict, "scheduled");
        await Step("draft", HttpStatusCode.OK, "draft");
        await Step("schedule", HttpStatusCode.OK, "scheduled", new { publishedAt = soon });
        await Step("publish", HttpStatusCode.OK, "published");
        await Step("draft", HttpStatusCode.Conflict, "published");
        await Step("schedule", HttpStatusCode.Conflict, "published", new { publishedAt = soon });
        await Step("unpublish", HttpStatusCode.OK, "unpublished");
        await Step("publish", HttpStatusCode.OK, "published");
        await Step("unpublish", HttpStatusCode.OK, "unpublished");
        await Step("draft", HttpStatusCode.OK, "draft");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Publishing_now_keeps_the_first_publication_date_when_republished()
    {
        var id = await w.Editor.DraftAsync();
        await (await w.Editor.ActAsync(id, "publish")).AssertStatusAsync(HttpStatusCode.OK);
        var first = (await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}")).JsonAsync()).GetProperty("publishedAt").GetDateTimeOffset();
        w.Clock.Advance(TimeSpan.FromHours(3));
        await (await w.Editor.ActAsync(id, "unpublish")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "publish")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(first, (await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}")).JsonAsync()).GetProperty("publishedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Saving_a_stale_version_answers_409_and_overwrites_nothing()
    {
        var id = await w.Editor.DraftAsync();
        var loaded = await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}")).AssertStatusAsync(HttpStatusCode.OK);
        var version = loaded.GetProperty("version").GetInt32();

        var first = await (await w.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "politique", headline = "Version de Claire", version })).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, first.GetProperty("version").GetInt32());
        var second = await (await w.Admin.PutJsonAsync($"/api/v1/articles/{id}", new { section = "politique", headline = "Version de Paul", version })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("nothing was saved", second.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/articles/{id}") { Content = JsonContent(new { section = "politique", headline = "Par l'en-tête" }) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        await (await w.Admin.SendAsync(request, Ct)).AssertProblemAsync(HttpStatusCode.Conflict);

        var stored = await w.App.WithDbAsync(db => db.Articles.SingleAsync(a => a.Id == id, Ct));
        Assert.Equal("Version de Claire", stored.Headline);
        Assert.Equal(version + 1, stored.Version);
        var getAgain = await w.Editor.GetPathAsync($"/api/v1/articles/{id}");
        Assert.Equal($"\"{version + 1}\"", getAgain.Headers.ETag?.Tag);
        Assert.Equal(2, await w.App.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id, Ct)));
    }

    [Fact]
    public async Task A_write_that_loses_a_race_at_save_time_is_a_conflict_and_raises_no_event()
    {
        var id = await w.Editor.DraftAsync();
        w.FailingSave.Armed = true;
        await (await w.Editor.ActAsync(id, "publish")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("draft", await w.Editor.StatusAsync(id));
        Assert.DoesNotContain(w.Events.For(id), e => e is ArticlePublished);
        Assert.False(await w.App.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.EntityId == id.ToString() && e.Action == "article.published", Ct)));
    }

    [Fact]
    public async Task Events_are_raised_once_each_after_the_write_has_committed()
    {
        var id = await w.Editor.DraftAsync();
        await (await w.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "politique", headline = "Événements " + id })).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "publish")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "unpublish")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "publish")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Editor.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct)).StatusCode);
        // Refused writes raise nothing.
        await (await w.Editor.ActAsync(id, "publish")).AssertProblemAsync(HttpStatusCode.NotFound);

        var seen = w.Events.Seen.Where(s => s.Event.ArticleId == id).ToList();
        Assert.Equal(["ArticleChanged", "ArticleChanged", "ArticlePublished", "ArticleUnpublished", "ArticlePublished", "ArticleDeleted"],
            seen.Select(s => s.Event.GetType().Name));
        Assert.All(seen, s => Assert.True(s.Committed, $"{s.Event.GetType().Name} was raised before its write committed"));
        Assert.All(seen.Skip(1), s => Assert.Equal("/politique/evenements-" + id, s.Event.Path));
        Assert.Equal("/politique/evenements-" + id, Assert.IsType<ArticleChanged>(seen[1].Event).Path);
        Assert.NotNull(((ArticleChanged)seen[1].Event).PreviousPath);
    }

    [Fact]
    public async Task Every_save_is_a_revision_that_can_be_diffed_and_restored_as_a_new_revision()
    {
        var id = await w.Editor.CreateArticleAsync(new
        {
            section = "politique", headline = "Le conseil vote le budget", standfirst = "Un vote serré.",
            bodyHtml = "<p>Le conseil a voté le budget mardi soir.</p>", tags = new[] { "Budget" }, workType = "news",
        });
        await (await w.Editor.PutJsonAsync($"/api/v1/articles/{id}", new
        {
            section = "politique", headline = "Le conseil adopte le budget", slug = "le-conseil-vote-le-budget", standfirst = "Un vote serré.",
            bodyHtml = "<p>Le conseil a adopté le budget mercredi soir.</p>", tags = new[] { "Budget", "Conseil" }, workType = "analysis",
            seoTitle = "Budget adopté",
        })).AssertStatusAsync(HttpStatusCode.OK);

        var revisions = (await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}/revisions")).AssertStatusAsync(HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal([2, 1], revisions.EnumerateArray().Select(r => r.GetProperty("number").GetInt32()));
        Assert.Equal(["edited", "created"], revisions.EnumerateArray().Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal("test-editor", revisions[0].GetProperty("actorName").GetString());

        var diff = await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}/revisions/1/diff/2")).AssertStatusAsync(HttpStatusCode.OK);
        var fields = diff.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!, Render);
        Assert.Equal(["headline", "bodyHtml", "workType", "seoTitle", "tags"], fields.Keys);
        Assert.Equal("Le conseil [-vote-]{+adopte+} le budget", fields["headline"]);
        Assert.Equal("<p>Le conseil a [-voté-]{+adopté+} le budget [-mardi-]{+mercredi+} soir.</p>", fields["bodyHtml"]);
        Assert.Equal("Budget{+, Conseil+}", fields["tags"]);

        var restored = await (await w.Editor.ActAsync(id, "revisions/1/restore")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(3, restored.GetProperty("version").GetInt32());
        var article = await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}")).JsonAsync();
        Assert.Equal("Le conseil vote le budget", article.GetProperty("headline").GetString());
        Assert.Equal("news", article.GetProperty("workType").GetString());
        Assert.Equal(JsonValueKind.Null, article.GetProperty("seoTitle").ValueKind);
        Assert.Equal(["Budget"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var latest = (await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}/revisions")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal(3, latest.GetProperty("number").GetInt32());
        Assert.Equal("restored", latest.GetProperty("kind").GetString());
        Assert.Equal(1, latest.GetProperty("restoredFrom").GetInt32());
        Assert.Empty((await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}/revisions/1/diff/3")).JsonAsync()).GetProperty("fields").EnumerateArray());

        await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}/revisions/1/diff/9")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await w.Editor.ActAsync(id, "revisions/9/restore")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await w.Anonymous.GetPathAsync($"/api/v1/articles/{id}/revisions")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    static string Render(JsonElement field) => ArticleHistory.Render(field.GetProperty("pieces").EnumerateArray()
        .Select(p => new DiffPiece(Enum.Parse<DiffKind>(p.GetProperty("kind").GetString()!, ignoreCase: true), p.GetProperty("text").GetString()!)).ToList());

    [Fact]
    public async Task An_article_saved_before_revisions_existed_gets_its_old_state_as_a_baseline_on_first_edit()
    {
        var id = await w.App.WithDbAsync(async db =>
        {
            var section = await db.Sections.SingleAsync(s => s.Slug == "monde", Ct);
            var legacy = new Article { Section = section, Slug = Unique("ancien"), Headline = "Avant l'historique", Status = ArticleStatus.Published, PublishedAt = w.Clock.GetUtcNow().UtcDateTime.AddDays(-3) };
            db.Articles.Add(legacy);
            await db.SaveChangesAsync(Ct);
            return legacy.Id;
        });
        await (await w.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "monde", headline = "Après l'historique", slug = Unique("nouveau") })).AssertStatusAsync(HttpStatusCode.OK);
        var kinds = (await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}/revisions")).JsonAsync()).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("kind").GetString());
        Assert.Equal(["edited", "baseline"], kinds);
        await (await w.Editor.ActAsync(id, "revisions/1/restore")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("Avant l'historique", (await (await w.Editor.GetPathAsync($"/api/v1/articles/{id}")).JsonAsync()).GetProperty("headline").GetString());
    }

    [Fact]
    public async Task Renaming_an_article_that_was_ever_published_answers_301_from_its_old_path()
    {
        var slug = Unique("premier-titre");
        var id = await w.Editor.CreateArticleAsync(new { section = "politique", headline = "Premier titre", slug });
        await (await w.Editor.ActAsync(id, "publish")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "unpublish")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "draft")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "monde", headline = "Second titre", slug = slug + "-2" })).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "publish")).AssertStatusAsync(HttpStatusCode.OK);

        var response = await w.Anonymous.GetAsync(new Uri($"/politique/{slug}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/monde/{slug}-2", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Every_editorial_action_is_in_the_audit_log_which_only_admins_read()
    {
        var id = await w.Contributor.DraftAsync();
        await (await w.Contributor.ActAsync(id, "submit")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "schedule", new { publishedAt = w.Clock.GetUtcNow().AddHours(1) })).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "publish")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "corrections", new { text = "Le montant a été corrigé." })).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "unpublish")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "draft")).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "politique", headline = "Audité" })).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "revisions/1/restore")).AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Editor.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative), Ct)).StatusCode);

        var log = await (await w.Admin.GetPathAsync($"/api/v1/audit?entityType=article&entityId={id}")).AssertStatusAsync(HttpStatusCode.OK);
        var entries = log.GetProperty("items").EnumerateArray().Reverse().ToList();
        Assert.Equal(
            ["article.created", "article.submitted", "article.scheduled", "article.published", "article.corrected", "article.unpublished",
             "article.returned-to-draft", "article.updated", "article.restored", "article.deleted"],
            entries.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["test-contributor", "test-contributor"], entries.Take(2).Select(e => e.GetProperty("actorName").GetString()));
        Assert.All(entries.Skip(2), e => Assert.Equal("test-editor", e.GetProperty("actorName").GetString()));

        await (await w.Editor.GetPathAsync("/api/v1/audit")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await w.Anonymous.GetPathAsync("/api/v1/audit")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Corrections_are_returned_with_the_article_in_order()
    {
        var id = await w.Editor.CreateArticleAsync(new { section = "politique", headline = Unique("Corrigé"), status = "published" });
        await (await w.Editor.ActAsync(id, "corrections", new { text = "Première précision." })).AssertStatusAsync(HttpStatusCode.OK);
        w.Clock.Advance(TimeSpan.FromMinutes(5));
        await (await w.Editor.ActAsync(id, "corrections", new { text = "Seconde précision." })).AssertStatusAsync(HttpStatusCode.OK);
        await (await w.Editor.ActAsync(id, "corrections", new { text = " " })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var corrections = (await (await w.Anonymous.GetPathAsync($"/api/v1/articles/{id}")).JsonAsync()).GetProperty("corrections");
        Assert.Equal(["Première précision.", "Seconde précision."], corrections.EnumerateArray().Select(c => c.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Publishing_with_a_future_date_schedules_and_the_scheduler_publishes_it_when_due()
    {
        var id = await w.Editor.CreateArticleAsync(new { section = "politique", headline = Unique("Embargo"), status = "published", publishedAt = w.Clock.GetUtcNow().AddMinutes(30) });
        Assert.Equal("scheduled", await w.Editor.StatusAsync(id));
        var scheduler = w.App.Services.GetRequiredService<ScheduledPublishing>();
        Assert.DoesNotContain(id, await scheduler.PublishDueAsync(Ct));
        w.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Contains(id, await scheduler.PublishDueAsync(Ct));
        Assert.Equal("published", await w.Editor.StatusAsync(id));
        Assert.Contains(w.Events.For(id), e => e is ArticlePublished { Actor.Id: "system:scheduler" });
        Assert.DoesNotContain(id, await scheduler.PublishDueAsync(Ct));
    }

    static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
