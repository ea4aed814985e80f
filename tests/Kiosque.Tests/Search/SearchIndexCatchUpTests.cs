using Kiosque.Content;
using Kiosque.Search;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Search;

/// <summary>
/// The index catches up with the published articles it lacks — a build a stop interrupted, articles written
/// without the workflow's events — and leaves a complete index alone.
/// </summary>
public sealed class SearchIndexCatchUpTests
{
    static async Task<int> CatchUpAsync(KiosqueApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SearchIndexer>().CatchUpAsync(Ct);
    }

    static async Task<int> FoundAsync(KiosqueApp app, string word)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISearchEngine>()
            .SearchAsync(new EngineQuery(word, Take: 100), DateTime.UtcNow, Ct);
        return result.Total;
    }

    static List<object> Articles(Section section, int count) => [.. Enumerable.Range(0, count).Select(i =>
        (object)SiteData.Article(section, $"maree-{i}", $"Grande marée numéro {i}", SiteData.Published.AddHours(-i)))];

    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task Missing_articles_are_indexed_and_a_complete_index_is_left_alone(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        var section = SiteData.Section("Littoral", "littoral", 1);
        await app.AddAsync([section, .. Articles(section, 1200)]);
        Assert.Equal(0, await FoundAsync(app, "marée"));

        // More than one walk step (1,000 ids), from nothing.
        Assert.Equal(1200, await CatchUpAsync(app));
        Assert.Equal(1200, await FoundAsync(app, "marée"));
        Assert.Equal(0, await CatchUpAsync(app));

        // Holes anywhere (as a stop leaves them): only they are filled. A draft is not indexed.
        var ids = await app.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var engine = scope.ServiceProvider.GetRequiredService<ISearchEngine>();
            foreach (var id in new[] { ids[0], ids[999], ids[1000], ids[^1] }) await engine.RemoveAsync(id, Ct);
        }
        await app.WithDbAsync(db => db.Articles.Where(a => a.Id == ids[500]).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ArticleStatus.Draft), Ct));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ISearchEngine>().RemoveAsync(ids[500], Ct);
        Assert.Equal(4, await CatchUpAsync(app));
        Assert.Equal(1199, await FoundAsync(app, "marée"));
    }

    [Fact]
    public async Task A_build_interrupted_by_a_stop_is_finished_at_the_next_start()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "kiosque-test-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            await using (var first = await KiosqueApp.CreateAsync(dataPath: dataPath))
            {
                var section = SiteData.Section("Littoral", "littoral", 1);
                await first.AddAsync([section, .. Articles(section, 300)]);
                // The first 50 only, as if the process had stopped while building.
                var ids = await first.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Id).Take(50).ToListAsync(Ct));
                await using var scope = first.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SearchIndexer>().IndexAsync(ids, Ct);
                Assert.Equal(50, await FoundAsync(first, "marée"));
            }

            await using var second = await KiosqueApp.CreateAsync(dataPath: dataPath);
            var found = 0;
            for (var i = 0; i < 100 && found < 300; i++)
            {
                found = await FoundAsync(second, "marée");
                if (found < 300) await Task.Delay(100, Ct);
            }
            Assert.Equal(300, found);
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
