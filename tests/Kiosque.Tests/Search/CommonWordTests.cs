using System.Net;
using Kiosque.Search;
using Kiosque.Tests.Infrastructure;
using Kiosque.Tests.Site;
using Microsoft.Extensions.DependencyInjection;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Search;

/// <summary>
/// A word in more articles than <see cref="ISearchEngine.RankingWindow"/>: only the newest matches are counted
/// and ranked, readers are told there are more, and the oldest match is out of reach while the newest are not.
/// </summary>
public sealed class CommonWordTests
{
    [Theory, InlineData(DatabaseKind.Sqlite), InlineData(DatabaseKind.Postgres)]
    public async Task A_very_common_word_ranks_the_newest_matches_and_says_there_are_more(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        var section = SiteData.Section("Économie", "economie", 1);
        var count = ISearchEngine.RankingWindow + 50;
        // Ids grow with time here, as they do in a newsroom: the first is the oldest and the best match.
        var articles = Enumerable.Range(0, count).Select(i =>
        {
            var a = SiteData.Article(section, $"port-{i}", i == 0 ? "Port, port et port : le port de Marseille" : $"Les ports, épisode {i}",
                SiteData.Published.AddHours(-(count - i)));
            a.BodyHtml = "<p>Un texte.</p>";
            a.Standfirst = "";
            return (object)a;
        }).ToList();
        await app.AddAsync([section, .. articles]);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(count, await scope.ServiceProvider.GetRequiredService<SearchIndexer>().ReindexAllAsync(TestContext.Current.CancellationToken));

        var client = app.CreateAnonymousClient();
        using var response = await client.GetPathAsync("/api/v1/search?q=port");
        var json = await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(ISearchEngine.RankingWindow, json.GetProperty("total").GetInt32());
        Assert.True(json.GetProperty("more").GetBoolean());
        var urls = json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("url").GetString()!).ToList();
        Assert.Equal(SiteSearch.PageSize, urls.Count);
        Assert.DoesNotContain(urls, u => u.EndsWith("/port-0", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.EndsWith($"/port-{count - 1}", StringComparison.Ordinal));

        var page = await client.GetDocumentAsync("/recherche?q=port");
        Assert.StartsWith("Plus de 2", page.QuerySelector(".search-summary")!.TextContent.Trim(), StringComparison.Ordinal);

        // A rarer word is counted exactly and finds the old article.
        using var rare = await client.GetPathAsync("/api/v1/search?q=port+marseille");
        var exact = await rare.AssertStatusAsync(HttpStatusCode.OK);
        Assert.False(exact.GetProperty("more").GetBoolean());
        Assert.Equal(1, exact.GetProperty("total").GetInt32());
        Assert.EndsWith("/port-0", exact.GetProperty("hits")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
    }
}
