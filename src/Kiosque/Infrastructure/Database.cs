using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Kiosque.Infrastructure;

public static class Database
{
    public static void AddDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(KiosqueOptions.SectionName).Get<KiosqueOptions>() ?? new();
        if (options.Database.IsPostgres)
        {
            var connectionString = FailFast(builder.Configuration.GetConnectionString("Kiosque")
                ?? throw new InvalidOperationException("Kiosque:Database:Provider is postgres but ConnectionStrings:Kiosque is not set."));
            builder.Services.AddDbContext<KiosqueDb, PostgresKiosqueDb>((sp, o) => ConfigurePostgres(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            var connectionString = SqliteConnectionString(options.FullDataPath);
            builder.Services.AddDbContext<KiosqueDb, SqliteKiosqueDb>((sp, o) => ConfigureSqlite(o, connectionString).AddInterceptors(sp.GetServices<IInterceptor>()));
            builder.Services.AddHostedService<SqliteStatistics>();
            builder.Services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<OneSqliteConnectionPerPage>());
        }
    }

    /// <summary>
    /// A page's queries share one open SQLite connection instead of EF opening the pooled connection for each:
    /// Microsoft.Data.Sqlite registers EF's SQL functions again on every open (allocations, and native handles left
    /// to the finalizer), and a page runs several queries. Closed with the request's DbContext. Not for PostgreSQL,
    /// whose pool is shared by every request: a connection is held only while a query runs.
    /// </summary>
    sealed class OneSqliteConnectionPerPage(KiosqueDb db) : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
    {
        public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
            Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
        {
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
            await next();
        }
    }

    /// <summary>
    /// A database that is down must not hold requests: 3 s to open a connection and 15 s per command unless the
    /// connection string says otherwise (Timeout, Command Timeout).
    /// </summary>
    static string FailFast(string connectionString)
    {
        var given = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var keys = connectionString.Split(';').Select(p => p.Split('=')[0].Trim().Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        if (!keys.Contains("timeout")) given.Timeout = 3;
        if (!keys.Contains("commandtimeout")) given.CommandTimeout = 15;
        return given.ConnectionString;
    }

    public static string SqliteConnectionString(string dataPath) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataPath, "kiosque.db"),
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(SqliteConnectionSettings.Instance);

    /// <summary>
    /// Per-connection settings, applied once to each pooled connection when it is first opened (SQLite keeps them for
    /// the connection's life, and EF opens a connection for nearly every query outside a transaction).
    /// <para>With WAL, synchronous=NORMAL is SQLite's recommended setting: a commit survives the application crashing
    /// (what the newsletter outbox relies on when it marks each message sent) and only an OS crash or power cut can
    /// undo the last commits; FULL would add an fsync to every commit.</para>
    /// <para>busy_timeout: a writer that finds another one holding SQLite's single write lock waits in SQLite's own
    /// busy handler, which tries again after 1, 2, 5, 10… ms. Without it Microsoft.Data.Sqlite retries on its own
    /// after sleeping 150 ms each time, so that under concurrent writes (four ingest requests at once) requests spent
    /// more time asleep than working. The wait is bounded by the connection's Default Timeout, as before.</para>
    /// </summary>
    sealed class SqliteConnectionSettings : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
    {
        public static readonly SqliteConnectionSettings Instance = new();
        static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = [];

        public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
        {
            if (Pending(connection) is not { } pragmas) return;
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            Done(connection);
        }

        public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection,
            Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Pending(connection) is not { } pragmas) return;
            await using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            Done(connection);
        }

        static string? Pending(System.Data.Common.DbConnection connection) =>
            connection is SqliteConnection { Handle: { } handle } sqlite && Configured.TryGetValue(handle, out _)
                ? null
                : $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout={Math.Max((connection as SqliteConnection)?.DefaultTimeout ?? 30, 1) * 1000};";

        static void Done(System.Data.Common.DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle }) Configured.AddOrUpdate(handle, Instance);
        }
    }

    static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    /// <summary>Creates the data folder, applies the provider's migrations and turns on WAL for SQLite.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<IOptions<KiosqueOptions>>().Value;
        Directory.CreateDirectory(options.FullDataPath);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        // Migrating builds the model from OnModelCreating again (to check it against the migrations), where queries
        // use the compiled model (Infrastructure/CompiledModels): that is half a second of start-up, spent only
        // when there is something to apply. Tests check that the model, the migrations and the compiled models agree.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await db.Database.MigrateAsync(ct);
    }

    // Used by `dotnet ef migrations add … --context SqliteKiosqueDb|PostgresKiosqueDb`.
    sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteKiosqueDb>
    {
        public SqliteKiosqueDb CreateDbContext(string[] args)
        {
            var o = new DbContextOptionsBuilder<SqliteKiosqueDb>();
            ConfigureSqlite(o, "Data Source=design.db");
            return new SqliteKiosqueDb(o.Options);
        }
    }

    sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresKiosqueDb>
    {
        public PostgresKiosqueDb CreateDbContext(string[] args)
        {
            var o = new DbContextOptionsBuilder<PostgresKiosqueDb>();
            ConfigurePostgres(o, "Host=localhost;Database=kiosque");
            return new PostgresKiosqueDb(o.Options);
        }
    }
}
