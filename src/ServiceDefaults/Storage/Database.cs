using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Directive58.ServiceDefaults.Storage;

/// <summary>
/// Opens connections to the configured store. Modules write their SQL with Dapper against it and
/// branch on <see cref="Provider"/> only where the two dialects really differ.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqliteConnectionString = "";
    private readonly SqliteWriteQueue? _sqliteWrites;

    public Database(IOptions<StorageOptions> options)
    {
        Provider = options.Value.Provider;
        DapperTypeHandlers.Register();
        if (Provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(options.Value.ConnectionString);
            return;
        }
        SQLitePCL.Batteries.Init();
        var builder = new SqliteConnectionStringBuilder(options.Value.ConnectionString) { DefaultTimeout = 30 };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null) Directory.CreateDirectory(folder);
        }
        _sqliteConnectionString = builder.ToString();
        // WAL is a property of the file: set once, it lets the dashboard read while consumers write.
        using var connection = new SqliteConnection(_sqliteConnectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
        _sqliteWrites = new SqliteWriteQueue(OpenSqliteAsync);
    }

    public StorageProvider Provider { get; }

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    /// <summary>A connection for reads, or for the rare writes that are not on the report pipeline's path.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(cancellationToken);
        return await OpenSqliteAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction and returns once it is committed. On PostgreSQL
    /// that is a pooled connection of its own; on SQLite the work joins the single writer's next
    /// group commit (<see cref="SqliteWriteQueue"/>), so it must be short, must not open other
    /// connections and must pass the transaction to every command. Throws what the work threw,
    /// with nothing of it stored.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (_sqliteWrites is not null) return await _sqliteWrites.EnqueueAsync(work, cancellationToken);
        await using var connection = await _postgres!.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, tx, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    private async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        // FULL: a commit (and so a 202) survives a power cut too, not only a crash of the process; the
        // group commit (SqliteWriteQueue) keeps that to one fsync per batch, not per report.
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteWrites is not null) await _sqliteWrites.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}
