using System.Collections.Concurrent;
using System.Diagnostics;
using Kiosque.Content;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kiosque.Tests.Site;

/// <summary>Counts the SQL commands EF runs against one app's database file (tests run in parallel).</summary>
sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    readonly string databaseFolder;
    readonly ConcurrentQueue<string> commands = new();
    readonly List<IDisposable> subscriptions = [];

    public CommandCounter(string databaseFolder)
    {
        this.databaseFolder = databaseFolder;
        subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyList<string> Commands => [.. commands];
    public void Reset() => commands.Clear();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
            lock (subscriptions) subscriptions.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
            && data.Command.Connection?.DataSource?.StartsWith(databaseFolder, StringComparison.Ordinal) == true)
            commands.Enqueue(data.Command.CommandText);
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        lock (subscriptions) foreach (var s in subscriptions) s.Dispose();
    }
}

public sealed class QueryCountTests
{
    [Fact]
    public async Task Reader_pages_run_a_handful_of_queries_whatever_the_amount_of_content()
    {
        // Background jobs poll the database on their own clock: off, so that only the page's queries are counted.
        await using var app = await KiosqueApp.CreateAsync(extra: new Dictionary<string, string?>
        {
            ["Kiosque:Webhooks:Enabled"] = "false",
            ["Kiosque:Scheduling:Enabled"] = "false",
            // Every request builds its page: a cached page would run no query at all.
            ["Kiosque:OutputCache:Enabled"] = "false",
        });
        var sections = Enumerable.Range(1, 6).Select(i => SiteData.Section($"Rubrique {i}", $"rubrique-{i}", i)).ToList();
        var authors = Enumerable.Range(1, 3).Select(i => new Author { Name = $"Auteur {i}", Slug = $"auteur-{i}" }).ToList();
        var tags = Enumerable.Range(1, 4).Select(i => new Tag { Name = $"Sujet {i}", Slug = $"sujet-{i}" }).ToList();
        var dossier = new Dossier { Name = "Un dossier", Slug = "un-dossier", CreatedAt = SiteData.Published };
        var image = SiteData.Image("/media/x.jpg", "Une image");
        var articles = new List<Article>();
        for (var i = 0; i < 60; i++)
        {
            var a = SiteData.Article(sections[i % 6], $"article-{i}", $"Article {i}", SiteData.Published.AddHours(i));
            a.Dossier = dossier;
            a.LeadImage = image;
            a.Authors = [.. authors.Select((x, p) => new ArticleAuthor { Author = x, Position = p })];
            a.Tags = [.. tags];
            articles.Add(a);
        }
        articles[0].Related = [.. articles.Skip(1).Take(5).Select((t, p) => new RelatedItem { Position = p, TargetArticle = t })];
        await app.AddAsync([.. sections, .. articles]);

        using var counter = new CommandCounter(app.DataPath);
        var client = app.CreateAnonymousClient();
        // The settings and navigation are read once, then kept in memory until they change (SiteSnapshots).
        await client.GetDocumentAsync("/");
        var budgets = new (string Path, int MaxQueries)[]
        {
            // The home reads the editors' front-page slots first: one query more than a listing. The article page: the
            // article and its split collections (authors, tags, related, correction notes), its approved comments; article-0
            // has five picks, so no suggestion; article-1 has none: suggestions from its dossier, then their cards.
            ("/", 4), ("/rubrique-1", 3), ("/rubrique-1/article-0", 6), ("/rubrique-2/article-1", 8), ("/dossiers/un-dossier", 3),
            ("/auteurs/auteur-1", 3), ("/tags/sujet-1", 3), ("/dossiers", 1),
        };
        foreach (var (path, max) in budgets)
        {
            counter.Reset();
            await client.GetDocumentAsync(path);
            var count = counter.Commands.Count;
            Assert.True(count <= max, $"{path}: {count} queries (budget {max})\n{string.Join("\n---\n", counter.Commands)}");
            Assert.True(count > 0, $"{path}: no query seen; the counter is not listening");
        }
    }
}
