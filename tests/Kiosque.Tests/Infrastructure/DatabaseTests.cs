using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

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

    /// <summary>
    /// Start-up skips migrating when no migration is pending, and queries use the compiled model: both must say what
    /// the code says. After changing the model, scripts/ef-model.sh NAME adds the migrations and regenerates the
    /// compiled models for both providers.
    /// </summary>
    [Theory]
    [InlineData(DatabaseKind.Sqlite)]
    [InlineData(DatabaseKind.Postgres)]
    public async Task The_migrations_and_the_compiled_model_match_the_model_the_code_builds(DatabaseKind kind)
    {
        await using var app = await KiosqueApp.CreateAsync(kind);
        var (pendingChanges, compiledType, designedShape, compiledShape) = await app.WithDbAsync(db =>
        {
            var designed = db.GetService<IDesignTimeModel>().Model;
            return Task.FromResult((db.Database.HasPendingModelChanges(), db.Model.GetType().FullName, Shape(designed), Shape(db.Model)));
        });
        Assert.False(pendingChanges, "The model has changes that no migration applies: run scripts/ef-model.sh NAME.");
        Assert.StartsWith("Kiosque.Infrastructure.CompiledModels.", compiledType, StringComparison.Ordinal);
        // Out of date: run scripts/ef-model.sh.
        Assert.Equal(designedShape, compiledShape);
    }

    /// <summary>
    /// What queries rely on: the tables with their columns, keys and indexes, and each entity's properties (types,
    /// conversions) and navigations.
    /// </summary>
    static List<string> Shape(IModel model) =>
    [
        .. model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t =>
            t.Columns.Select(c => $"{t.Name}.{c.Name}: {c.StoreType} {(c.IsNullable ? "null" : "not null")}")
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) {(i.IsUnique ? "unique" : "")} {i.Filter}"))
            .Concat(t.ForeignKeyConstraints.Select(f => $"{t.Name} fk {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))
            .Concat(t.UniqueConstraints.Select(u => $"{t.Name} key {u.Name} ({string.Join(", ", u.Columns.Select(c => c.Name))})"))
            .Order(StringComparer.Ordinal)),
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
            e.GetProperties().Select(p => $"{e.Name}.{p.Name}: {p.ClrType.Name} {(p.IsNullable ? "null" : "not null")} {p.ValueGenerated} {p.GetTypeMapping().Converter?.ProviderClrType.Name}")
            .Concat(e.GetNavigations().Select(n => $"{e.Name}.{n.Name} -> {n.TargetEntityType.Name} {(n.IsCollection ? "many" : "one")}"))
            .Concat(e.GetSkipNavigations().Select(n => $"{e.Name}.{n.Name} ->> {n.TargetEntityType.Name}"))
            .Order(StringComparer.Ordinal)),
    ];
}
