using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kiosque.Infrastructure;

/// <summary>
/// The database is down, restarting or too busy: the request fails at once with 503 and Retry-After (pages already
/// in the output cache are still served), instead of a 500 or a hang. Connections come back by themselves.
/// </summary>
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                               || pg.SqlState == PostgresErrorCodes.TooManyConnections:
                case NpgsqlException { IsTransient: true }:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    public static void SetRetryAfter(HttpResponse response) =>
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The API's side: a 503 problem details with Retry-After, before the generic 500 handler.</summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        if (!DatabaseUnavailable.Is(exception)) return false;
        log.LogWarning("Database unavailable on {Path}: {Message}", http.Request.Path, exception.GetBaseException().Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        DatabaseUnavailable.SetRetryAfter(http.Response);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is unavailable; try again shortly." },
        });
    }
}
