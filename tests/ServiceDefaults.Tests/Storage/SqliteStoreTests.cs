using Dapper;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directive58.ServiceDefaults.Tests.Storage;

public sealed class SqliteStoreTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "d58-store-tests", Guid.NewGuid().ToString("N"));
    private Database _database = null!;

    public Task InitializeAsync()
    {
        _database = new Database(Options.Create(new StorageOptions { ConnectionString = $"Data Source={_folder}/test.db" }));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Schema_scripts_run_once_and_are_recorded()
    {
        var migrator = new SchemaMigrator(_database, [new SchemaScripts("platform", typeof(SchemaMigrator).Assembly)], NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync();
        await migrator.MigrateAsync();
        await using var connection = await _database.OpenAsync();
        var recorded = (await connection.QueryAsync<string>("select script from schema_migrations where module = 'platform'")).ToList();
        Assert.Equal(["001_api_keys.sql", "002_api_key_limits.sql"], recorded.Order(StringComparer.Ordinal));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from api_keys"));
    }

    [Fact]
    public async Task A_script_that_requires_another_modules_table_waits_unrecorded_until_the_table_exists()
    {
        var migrator = new SchemaMigrator(_database, [new SchemaScripts("waiting", typeof(SqliteStoreTests).Assembly)], NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync();
        await using var connection = await _database.OpenAsync();
        Assert.Equal(["002_plain.sql"], await connection.QueryAsync<string>("select script from schema_migrations where module = 'waiting'"));

        await connection.ExecuteAsync("create table source_rows (x integer); insert into source_rows values (58)");
        await migrator.MigrateAsync();

        Assert.Equal(58, await connection.ExecuteScalarAsync<long>("select x from copied"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("select count(*) from schema_migrations where module = 'waiting'"));
    }

    [Theory]
    [InlineData("-- requires: reports, classifications\ninsert into t select 1", new[] { "reports", "classifications" })]
    [InlineData("\n-- requires: reports\n", new[] { "reports" })]
    [InlineData("create table t (x integer);\n-- requires: reports", new string[0])]
    public void The_required_tables_are_read_from_the_first_line_only(string sql, string[] tables) =>
        Assert.Equal(tables, SchemaMigrator.Requires(sql));

    private sealed record Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public DateTimeOffset? Maybe { get; init; }
    }

    [Fact]
    public async Task Times_and_ids_round_trip_and_compare_in_time_order()
    {
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync("create table t (id text primary key, at text not null, maybe text null)");
        var early = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(7));
        var late = new DateTimeOffset(2026, 11, 21, 2, 0, 1, TimeSpan.Zero);
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await connection.ExecuteAsync("insert into t (id, at, maybe) values (@id, @at, @maybe)",
            new[] { new { id = ids[0], at = late, maybe = (DateTimeOffset?)null }, new { id = ids[1], at = early, maybe = (DateTimeOffset?)early } });

        var rows = (await connection.QueryAsync<Row>("select id, at, maybe from t where at > @cut order by at", new { cut = early })).ToList();

        var row = Assert.Single(rows);
        Assert.Equal(ids[0], row.Id);
        Assert.Equal(late, row.At);
        Assert.Null(row.Maybe);
        Assert.Equal(TimeSpan.Zero, row.At.Offset);
    }
}
