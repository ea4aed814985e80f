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

    [Fact]
    public async Task Every_sqlite_connection_waits_for_the_write_lock_in_sqlite_and_commits_with_synchronous_normal()
    {
        await using var app = await KiosqueApp.CreateAsync();
        // Four contexts at once, so the pool makes new native connections, then three rounds reusing them.
        for (var round = 0; round < 3; round++)
        {
            var settings = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.WithDbAsync(async db =>
            {
                await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
                var read = (BusyTimeout: await Pragma(db, "PRAGMA busy_timeout"), Synchronous: await Pragma(db, "PRAGMA synchronous"));
                await Task.Delay(50, TestContext.Current.CancellationToken);
                return read;
            })));
            Assert.All(settings, s => Assert.Equal((30_000L, 1L), s)); // synchronous 1 is NORMAL
        }

        static async Task<long> Pragma(Kiosque.Infrastructure.KiosqueDb db, string pragma) =>
            Assert.Single(await db.Database.SqlQueryRaw<long>(pragma).ToListAsync(TestContext.Current.CancellationToken));
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
