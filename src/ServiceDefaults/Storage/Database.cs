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
    }

    public StorageProvider Provider { get; }

    public bool IsPostgres => Provider == StorageProvider.Postgres;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null) return await _postgres.OpenConnectionAsync(cancellationToken);
        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        using var pragma = connection.CreateCommand();
        // busy_timeout lets SQLite itself wait for the write lock in millisecond steps; without it the
        // managed driver retries a busy statement only every 150 ms, which dominated latency under load.
        // NORMAL sync is durable at checkpoint in WAL mode.
        pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
