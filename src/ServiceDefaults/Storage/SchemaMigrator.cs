using System.Reflection;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Directive58.ServiceDefaults.Storage;

/// <summary>A module's ordered SQL scripts, embedded as Schema/{Sqlite|Postgres}/NNN_name.sql.</summary>
public sealed record SchemaScripts(string Module, Assembly Assembly);

/// <summary>
/// Applies every registered module's scripts in order before anything else starts, and records
/// each one so it runs once. On PostgreSQL an advisory lock keeps several processes from racing.
/// A script that reads another module's tables names them on a first line `-- requires: reports`:
/// while one is missing (that module's host has not migrated this store yet) the script waits,
/// unrecorded, and runs at a later start. Such a script must be safe to run after the module's later
/// scripts, e.g. a recomputation.
/// </summary>
public sealed class SchemaMigrator(Database database, IEnumerable<SchemaScripts> modules, ILogger<SchemaMigrator> logger) : IHostedService
{
    private const long AdvisoryLockKey = 5_820_260_110;

    public async Task StartAsync(CancellationToken cancellationToken) => await MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.IsPostgres) await connection.ExecuteAsync("select pg_advisory_lock(@key)", new { key = AdvisoryLockKey });
        try
        {
            await connection.ExecuteAsync(
                "create table if not exists schema_migrations (module text not null, script text not null, applied_at text not null, primary key (module, script))");
            var applied = (await connection.QueryAsync<(string, string)>("select module, script from schema_migrations")).ToHashSet();
            foreach (var module in modules.DistinctBy(m => m.Module))
            {
                foreach (var (script, sql) in ScriptsOf(module))
                {
                    if (applied.Contains((module.Module, script))) continue;
                    if (await MissingAsync(connection, Requires(sql)) is { Count: > 0 } missing)
                    {
                        logger.LogInformation("Schema script {Module}/{Script} waits for table(s) {Tables}", module.Module, script, string.Join(", ", missing));
                        continue;
                    }
                    await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                    await connection.ExecuteAsync(sql, transaction: transaction);
                    await connection.ExecuteAsync(
                        "insert into schema_migrations (module, script, applied_at) values (@module, @script, @at)",
                        new { module = module.Module, script, at = DateTimeOffset.UtcNow.ToString("O") }, transaction);
                    await transaction.CommitAsync(cancellationToken);
                    logger.LogInformation("Applied schema script {Module}/{Script}", module.Module, script);
                }
            }
        }
        finally
        {
            if (database.IsPostgres) await connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }

    /// <summary>The tables named on a leading `-- requires: a, b` line.</summary>
    public static IReadOnlyList<string> Requires(string sql)
    {
        const string marker = "-- requires:";
        var first = sql.TrimStart().Split('\n', 2)[0].Trim();
        return first.StartsWith(marker, StringComparison.Ordinal)
            ? first[marker.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [];
    }

    private async Task<List<string>> MissingAsync(System.Data.Common.DbConnection connection, IReadOnlyList<string> tables)
    {
        var missing = new List<string>();
        foreach (var table in tables)
        {
            var exists = database.IsPostgres
                ? await connection.ExecuteScalarAsync<bool>("select to_regclass(@table) is not null", new { table })
                : await connection.ExecuteScalarAsync<long>("select count(*) from sqlite_master where type = 'table' and name = @table", new { table }) > 0;
            if (!exists) missing.Add(table);
        }
        return missing;
    }

    private IEnumerable<(string Script, string Sql)> ScriptsOf(SchemaScripts module)
    {
        var marker = $".Schema.{database.Provider}.";
        foreach (var name in module.Assembly.GetManifestResourceNames()
                     .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = module.Assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name[(name.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..], reader.ReadToEnd());
        }
    }
}

public static class SchemaRegistration
{
    /// <summary>Registers the calling module's embedded schema scripts.</summary>
    public static IServiceCollection AddSchemaScripts(this IServiceCollection services, string module, Assembly assembly) =>
        services.AddSingleton(new SchemaScripts(module, assembly));
}
