using Microsoft.EntityFrameworkCore;

namespace Kiosque.Tests.Infrastructure;

public sealed class DatabaseTests
{
    [Fact]
    public async Task Sqlite_database_is_a_file_in_the_data_folder_in_WAL_mode()
    {
        await using var app = await KiosqueApp.CreateAsync();
        Assert.True(File.Exists(Path.Combine(app.DataPath, "kiosque.db")));
        var mode = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", Assert.Single(mode));
    }

    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task Migrations_are_applied_at_start_up_and_health_answers_200(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        var pending = await app.WithDbAsync(db => db.Database.GetPendingMigrationsAsync());
        Assert.Empty(pending);
        var settings = await app.WithDbAsync(db => db.SiteSettings.SingleAsync());
        Assert.Equal("fr", settings.Language);
        using var client = app.CreateAnonymousClient();
        var health = await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
    }
}
