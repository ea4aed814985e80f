using System.Net;
using Kiosque.Api;
using Kiosque.Content;
using Kiosque.Content.Workflow;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Content;

public sealed class ScheduledPublishingTests
{
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Two_instances_on_one_database_publish_each_scheduled_article_exactly_once(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var (eventsA, eventsB) = (new EventLog(), new EventLog());
        await using var a = await WorkflowApp.Start(kind, clock, eventsA);
        var shared = kind == DatabaseKind.Postgres
            ? new Dictionary<string, string?> { ["Kiosque:Database:Provider"] = "postgres", ["ConnectionStrings:Kiosque"] = a.ConnectionString }
            : null;
        await using var b = await WorkflowApp.Start(DatabaseKind.Sqlite, clock, eventsB, extra: shared, dataPath: a.DataPath);

        using var editor = await a.CreateApiClientAsync(Roles.Editor);
        await editor.CreateSectionAsync("Politique", "politique");
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var id = await editor.DraftAsync();
            await (await editor.ActAsync(id, "schedule", new { publishedAt = clock.GetUtcNow().AddMinutes(10 + i) })).AssertStatusAsync(HttpStatusCode.OK);
            ids.Add(id);
        }
        clock.Advance(TimeSpan.FromMinutes(20));

        var passes = await Task.WhenAll(
            a.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(Ct),
            b.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(Ct),
            a.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(Ct),
            b.Services.GetRequiredService<ScheduledPublishing>().PublishDueAsync(Ct));

        Assert.Equal(ids.Order(), passes.SelectMany(p => p).Order());
        var audit = await a.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "article.published").Select(e => e.EntityId).ToListAsync(Ct));
        Assert.Equal(ids.Select(id => id.ToString()).Order(), audit.Order());
        var statuses = await a.WithDbAsync(db => db.Articles.Where(x => ids.Contains(x.Id)).Select(x => new { x.Status, x.Version, x.FirstPublishedAt }).ToListAsync(Ct));
        Assert.All(statuses, s => Assert.Equal(ArticleStatus.Published, s.Status));
        Assert.All(statuses, s => Assert.Equal(3, s.Version));
        Assert.All(statuses, s => Assert.NotNull(s.FirstPublishedAt));
        Assert.Equal(ids.Count, eventsA.Seen.Count(e => e.Event is ArticlePublished) + eventsB.Seen.Count(e => e.Event is ArticlePublished));
    }

    [Fact]
    public async Task The_background_job_publishes_a_scheduled_article_once_its_time_has_come()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await WorkflowApp.Start(DatabaseKind.Sqlite, clock, new EventLog(),
            extra: new Dictionary<string, string?> { ["Kiosque:Scheduling:Enabled"] = "true", ["Kiosque:Scheduling:IntervalSeconds"] = "5" });
        using var editor = await app.CreateApiClientAsync(Roles.Editor);
        await editor.CreateSectionAsync("Politique", "politique");
        var id = await editor.DraftAsync(headline: "Publié à l'heure dite");
        await (await editor.ActAsync(id, "schedule", new { publishedAt = clock.GetUtcNow().AddMinutes(1) })).AssertStatusAsync(HttpStatusCode.OK);
        using var reader = app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri("/politique/publie-a-l-heure-dite", UriKind.Relative), Ct)).StatusCode);

        // Each advance fires the job's timer; it runs on its own, so wait for its write.
        for (var i = 0; i < 100 && await editor.StatusAsync(id) != "published"; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(50, Ct);
        }
        Assert.Equal("published", await editor.StatusAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(new Uri("/politique/publie-a-l-heure-dite", UriKind.Relative), Ct)).StatusCode);
    }
}
