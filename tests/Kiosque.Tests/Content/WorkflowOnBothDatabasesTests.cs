using System.Net;
using System.Security.Claims;
using Kiosque.Api;
using Kiosque.Content.Workflow;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Content;

public sealed class WorkflowOnBothDatabasesTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Submit_publish_rename_conflict_and_restore_hold_on_either_database(DatabaseKind kind)
    {
        var events = new EventLog();
        await using var app = await WorkflowApp.Start(kind, new FakeTimeProvider(DateTimeOffset.UtcNow), events);
        using var editor = await app.CreateApiClientAsync(Roles.Editor);
        using var contributor = await app.CreateApiClientAsync(Roles.Contributor);
        await editor.CreateSectionAsync("Politique", "politique");

        var id = await contributor.CreateArticleAsync(new { section = "politique", headline = "Premier jet", slug = "premier-jet" });
        await (await contributor.ActAsync(id, "submit")).AssertStatusAsync(HttpStatusCode.OK);
        await (await contributor.ActAsync(id, "publish")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await editor.ActAsync(id, "publish")).AssertStatusAsync(HttpStatusCode.OK);
        var saved = await (await editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "politique", headline = "Titre final", slug = "titre-final", version = 3 }))
            .AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(4, saved.GetProperty("version").GetInt32());
        await (await editor.PutJsonAsync($"/api/v1/articles/{id}", new { section = "politique", headline = "Perdu", version = 3 })).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await editor.ActAsync(id, "revisions/1/restore")).AssertStatusAsync(HttpStatusCode.OK);

        using var reader = app.CreateAnonymousClient();
        var moved = await reader.GetAsync(new Uri("/politique/titre-final", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/politique/premier-jet", moved.Headers.Location?.OriginalString);
        var actions = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "article").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct));
        Assert.Equal(["article.created", "article.submitted", "article.published", "article.updated", "article.restored"], actions);
        Assert.Equal(3, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id, Ct)));
        Assert.Equal(["ArticleChanged", "ArticlePublished", "ArticleChanged", "ArticleChanged"], events.For(id).Select(e => e.GetType().Name));
    }

    [Fact]
    public void An_actor_comes_from_the_generic_id_name_and_strongest_role_claims()
    {
        static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
            new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

        var actor = Actor.From(User((ClaimTypes.NameIdentifier, "u-42"), (ClaimTypes.Name, "Claire"), (ClaimTypes.Role, "contributor"), (ClaimTypes.Role, "Editor")));
        Assert.Equal(new Actor("u-42", "Claire", ActorRole.Editor), actor);
        Assert.True(actor!.CanPublish);
        Assert.Null(Actor.From(User((ClaimTypes.NameIdentifier, "u-1"), (ClaimTypes.Role, "reader"))));
        Assert.Null(Actor.From(User((ClaimTypes.Name, "Sans id"), (ClaimTypes.Role, "admin"))));
        Assert.Equal("u-2", Actor.From(User((ClaimTypes.NameIdentifier, "u-2"), (ClaimTypes.Role, "contributor")))!.Name);
    }
}
