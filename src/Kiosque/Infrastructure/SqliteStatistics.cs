using Microsoft.EntityFrameworkCore;

namespace Kiosque.Infrastructure;

/// <summary>
/// Keeps SQLite's query-planner statistics (sqlite_stat1) current, as SQLite recommends: a full ANALYZE shortly
/// after start-up (about half a second for 100,000 articles, off the request path), then PRAGMA optimize every
/// hour, which re-analyzes only the tables that changed a lot. Without statistics the planner takes
/// "Status = 'Published'" for a selective filter and scans every published article to find the handful a page
/// shows by id.
/// </summary>
public sealed class SqliteStatistics(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SqliteStatistics> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sql = "PRAGMA analysis_limit=0; ANALYZE;";
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<KiosqueDb>();
                await db.Database.ExecuteSqlRawAsync(sql, stoppingToken);
                sql = "PRAGMA analysis_limit=0; PRAGMA optimize;";
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Updating SQLite's planner statistics failed; the next hour tries again.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
