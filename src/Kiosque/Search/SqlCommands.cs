using System.Data.Common;
using Kiosque.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kiosque.Search;

/// <summary>Raw SQL on the context's own connection (and transaction): the search tables are not in the EF model.</summary>
static class SqlCommands
{
    public static async Task<List<T>> QueryAsync<T>(KiosqueDb db, string sql, IReadOnlyDictionary<string, object?> parameters,
        Func<DbDataReader, T> read, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Create(db, sql, parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<T>();
            while (await reader.ReadAsync(ct)) rows.Add(read(reader));
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static async Task<long> ScalarAsync(KiosqueDb db, string sql, IReadOnlyDictionary<string, object?> parameters, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Create(db, sql, parameters);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs the statements in one transaction.</summary>
    public static async Task ExecuteAsync(KiosqueDb db, IReadOnlyList<(string Sql, IReadOnlyDictionary<string, object?> Parameters)> statements, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (sql, parameters) in statements)
        {
            await using var command = Create(db, sql, parameters);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    static DbCommand Create(KiosqueDb db, string sql, IReadOnlyDictionary<string, object?> parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
