using System.Collections.Concurrent;
using System.Data.Common;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard.Storage;

/// <summary>
/// Tables other services add as they grow (alert_deliveries, case_events, model_versions, survey
/// results): the dashboard shows them when they exist and leaves their section out until then.
/// Their rows are read with `select *` and shown column by column, so a new column needs no change here.
/// </summary>
public static class OptionalTables
{
    private static readonly ConcurrentDictionary<string, bool> Found = new();

    public static async Task<bool> ExistsAsync(DbConnection connection, Database database, string table)
    {
        var key = $"{database.Provider}:{connection.Database}:{connection.DataSource}:{table}";
        if (Found.ContainsKey(key)) return true;
        var exists = database.IsPostgres
            ? await connection.ExecuteScalarAsync<bool>("select to_regclass(@table) is not null", new { table })
            : await connection.ExecuteScalarAsync<long>("select count(*) from sqlite_master where type = 'table' and name = @table", new { table }) > 0;
        if (exists) Found[key] = true;
        return exists;
    }

    /// <summary>Rows as column → value, or none when the table does not exist yet; <paramref name="columns"/> leaves out what a page never shows (a model's bytes).</summary>
    public static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RowsAsync(
        DbConnection connection, Database database, string table, string where, object parameters, string columns = "*")
    {
        if (!await ExistsAsync(connection, database, table)) return [];
        var rows = await connection.QueryAsync($"select {columns} from {table} where {where}", parameters);
        return rows.Select(r => (IReadOnlyDictionary<string, object?>)((IDictionary<string, object?>)r).ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
    }

    /// <summary>The first column named like a time ("at", "*_at"), for ordering rows of unknown shape.</summary>
    public static string? TimeOf(IReadOnlyDictionary<string, object?> row) =>
        row.FirstOrDefault(kv => kv.Key == "at" || kv.Key.EndsWith("_at", StringComparison.Ordinal)).Value?.ToString();
}
