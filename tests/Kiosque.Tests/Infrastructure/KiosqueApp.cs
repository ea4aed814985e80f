using System.Net.Http.Headers;
using Kiosque.Api;
using Kiosque.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kiosque.Tests.Infrastructure;

public enum DatabaseKind { Sqlite, Postgres }

/// <summary>
/// The whole application in process, on a real database of its own: a SQLite file in a fresh temporary data
/// folder, or a fresh database in the run's PostgreSQL cluster. Demo content is off unless asked for.
/// </summary>
public sealed class KiosqueApp : WebApplicationFactory<Program>
{
    // Each host watches files (configuration, asp-append-version): with inotify, a parallel run of many hosts on a
    // machine shared with other test runs exhausts the per-user limit of 128 instances. Polling needs none, and
    // appsettings.json, which tests never edit, need not be watched at all.
    static KiosqueApp()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }

    readonly Dictionary<string, string?> settings;
    readonly Action<IServiceCollection>? services;
    readonly bool ownsDataPath;
    public string DataPath { get; }
    public DatabaseKind Database { get; }

    KiosqueApp(DatabaseKind database, string dataPath, bool ownsDataPath, Dictionary<string, string?> settings, Action<IServiceCollection>? services) =>
        (Database, DataPath, this.ownsDataPath, this.settings, this.services) = (database, dataPath, ownsDataPath, settings, services);

    /// <summary>
    /// Skips the calling test, with the reason, where PostgreSQL is not installed. A given <paramref name="dataPath"/>
    /// (to start again on an earlier app's files) belongs to the caller and is left in place on dispose;
    /// <paramref name="services"/> replaces application services (a fake clock, an event recorder).
    /// </summary>
    public static async Task<KiosqueApp> CreateAsync(DatabaseKind database = DatabaseKind.Sqlite, bool demoContent = false,
        IDictionary<string, string?>? extra = null, string? dataPath = null, Action<IServiceCollection>? services = null)
    {
        var ownsDataPath = dataPath is null;
        dataPath ??= Path.Combine(Path.GetTempPath(), "kiosque-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataPath);
        var settings = new Dictionary<string, string?>
        {
            ["Kiosque:DataPath"] = dataPath,
            ["Kiosque:DemoContent"] = demoContent ? "true" : "false",
        };
        if (database == DatabaseKind.Postgres)
        {
            var server = await PostgresServer.GetAsync();
            if (server is null) Assert.Skip($"PostgreSQL test skipped: {PostgresServer.MissingReason}.");
            settings["Kiosque:Database:Provider"] = "postgres";
            settings["ConnectionStrings:Kiosque"] = await server.CreateDatabaseAsync();
        }
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) settings[k] = v;
        var app = new KiosqueApp(database, dataPath, ownsDataPath, settings, services);
        _ = app.Server; // start now: migrations and seeding run here, not in the first request
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Warnings and errors only: a failing test's output should show what went wrong, not start-up chatter.
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    /// <summary>The database this app uses, for a second instance on the same one.</summary>
    public string? ConnectionString => Services.GetRequiredService<IConfiguration>().GetConnectionString("Kiosque");

    public HttpClient CreateAnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> CreateApiClientAsync(string role = Roles.Admin)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateTokenAsync(role));
        return client;
    }

    public async Task<string> CreateTokenAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
        return await ApiTokens.CreateAsync(db, "test-" + role, role, TimeProvider.System, TestContext.Current.CancellationToken);
    }

    public async Task<T> WithDbAsync<T>(Func<KiosqueDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<KiosqueDb>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!ownsDataPath) return;
        try { Directory.Delete(DataPath, recursive: true); }
        catch (IOException) { /* a file still open on a slow shutdown: the temp folder is cleaned by the OS */ }
    }
}
