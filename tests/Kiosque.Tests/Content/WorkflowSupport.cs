using System.Collections.Concurrent;
using Kiosque.Api;
using Kiosque.Content.Workflow;
using Kiosque.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Kiosque.Tests.Api.Api;

namespace Kiosque.Tests.Content;

/// <summary>The events one app raised, each with whether its write was already visible to another connection.</summary>
public sealed class EventLog
{
    public ConcurrentQueue<(ArticleEvent Event, bool Committed)> Seen { get; } = new();

    public IReadOnlyList<ArticleEvent> For(int articleId) =>
        Seen.Where(s => s.Event.ArticleId == articleId).Select(s => s.Event).ToList();
}

public sealed class EventRecorder(IServiceScopeFactory scopes, EventLog log) : IArticleEvents
{
    public async Task HandleAsync(ArticleEvent articleEvent, CancellationToken ct)
    {
        // A fresh scope reads through its own connection: it sees the write only once it has committed.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Kiosque.Infrastructure.KiosqueDb>();
        var committed = articleEvent is ArticleDeleted
            ? !await db.Articles.AnyAsync(a => a.Id == articleEvent.ArticleId, ct)
            : await db.AuditEntries.AnyAsync(e => e.EntityId == articleEvent.ArticleId.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        log.Seen.Enqueue((articleEvent, committed));
    }
}

/// <summary>Armed, it makes the next SaveChanges fail as if another writer had won.</summary>
public sealed class FailingSave : SaveChangesInterceptor
{
    public bool Armed { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (!Armed) return base.SavingChangesAsync(eventData, result, cancellationToken);
        Armed = false;
        throw new DbUpdateConcurrencyException("Simulated lost race.");
    }
}

/// <summary>
/// One app per test class with a fake clock (starting now), scheduled publishing off (tests run the pass),
/// the event recorder, and a client per role.
/// </summary>
public class WorkflowApp : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public FailingSave FailingSave { get; } = new();
    public EventLog Events { get; } = new();
    public KiosqueApp App { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public HttpClient Editor { get; private set; } = null!;
    public HttpClient Contributor { get; private set; } = null!;
    public HttpClient OtherContributor { get; private set; } = null!;
    public HttpClient Anonymous { get; private set; } = null!;
    protected virtual DatabaseKind Database => DatabaseKind.Sqlite;

    public async ValueTask InitializeAsync()
    {
        App = await Start(Database, Clock, Events, FailingSave);
        Admin = await App.CreateApiClientAsync(Roles.Admin);
        Editor = await App.CreateApiClientAsync(Roles.Editor);
        Contributor = await App.CreateApiClientAsync(Roles.Contributor);
        OtherContributor = await App.CreateApiClientAsync(Roles.Contributor);
        Anonymous = App.CreateAnonymousClient();
        await Admin.CreateSectionAsync("Politique", "politique");
        await Admin.CreateSectionAsync("Monde", "monde");
    }

    public static Task<KiosqueApp> Start(DatabaseKind database, FakeTimeProvider clock, EventLog events, FailingSave? failingSave = null,
        IDictionary<string, string?>? extra = null, string? dataPath = null)
    {
        var settings = new Dictionary<string, string?> { ["Kiosque:Scheduling:Enabled"] = "false" };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        return KiosqueApp.CreateAsync(database, extra: settings, dataPath: dataPath, services: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            services.AddSingleton(events);
            services.AddScoped<IArticleEvents, EventRecorder>();
            if (failingSave is not null)
            {
                services.ConfigureDbContext<Kiosque.Infrastructure.SqliteKiosqueDb>(o => o.AddInterceptors(failingSave));
                services.ConfigureDbContext<Kiosque.Infrastructure.PostgresKiosqueDb>(o => o.AddInterceptors(failingSave));
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Admin, Editor, Contributor, OtherContributor, Anonymous }) client?.Dispose();
        if (App is not null) await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresWorkflowApp : WorkflowApp
{
    protected override DatabaseKind Database => DatabaseKind.Postgres;
}

static class Workflow
{
    public static string Unique(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 9)];

    public static async Task<int> DraftAsync(this HttpClient client, string section = "politique", string? headline = null) =>
        await client.CreateArticleAsync(new { section, headline = headline ?? Unique("Brouillon"), bodyHtml = "<p>Un premier jet.</p>" });

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, int id, string verb, object? body = null) =>
        client.PostJsonAsync($"/api/v1/articles/{id}/{verb}", body ?? new { });

    public static async Task<string> StatusAsync(this HttpClient client, int id) =>
        (await (await client.GetPathAsync($"/api/v1/articles/{id}")).AssertStatusAsync(System.Net.HttpStatusCode.OK)).GetProperty("status").GetString()!;
}
