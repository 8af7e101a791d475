using Dapper;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Directive58.ServiceDefaults.Tests.Storage;

/// <summary>Database.WriteAsync on SQLite: many concurrent writers share group commits, each unit all or nothing.</summary>
public sealed class SqliteWriteQueueTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "d58-write-queue-tests", Guid.NewGuid().ToString("N"));
    private Database _database = null!;

    public async Task InitializeAsync()
    {
        _database = new Database(Options.Create(new StorageOptions { ConnectionString = $"Data Source={_folder}/test.db" }));
        await using var connection = await _database.OpenAsync();
        await connection.ExecuteAsync("create table items (id integer primary key, name text not null unique)");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Concurrent_writers_all_commit_and_each_gets_its_own_result()
    {
        var writes = Enumerable.Range(1, 500).Select(i => _database.WriteAsync(
            (connection, tx, _) => connection.ExecuteScalarAsync<long>("insert into items (id, name) values (@i, @name) returning id", new { i, name = $"n{i}" }, tx)));

        var ids = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i).ToArray(), ids);
        Assert.Equal(500, await CountAsync());
    }

    [Fact]
    public async Task A_failing_unit_rolls_back_only_its_own_writes_and_its_caller_gets_the_error()
    {
        await _database.WriteAsync((connection, tx, _) => connection.ExecuteAsync("insert into items (id, name) values (1, 'taken')", null, tx));

        var before = _database.WriteAsync((connection, tx, _) => connection.ExecuteAsync("insert into items (id, name) values (2, 'before')", null, tx));
        var failing = _database.WriteAsync<int>(async (connection, tx, _) =>
        {
            await connection.ExecuteAsync("insert into items (id, name) values (3, 'half')", null, tx);
            return await connection.ExecuteAsync("insert into items (id, name) values (4, 'taken')", null, tx); // unique name: fails
        });
        var after = _database.WriteAsync((connection, tx, _) => connection.ExecuteAsync("insert into items (id, name) values (5, 'after')", null, tx));

        await before;
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => failing);
        await after;
        await using var connection = await _database.OpenAsync();
        Assert.Equal([1L, 2L, 5L], (await connection.QueryAsync<long>("select id from items order by id")).ToList());
    }

    [Fact]
    public async Task A_unit_cancelled_before_it_runs_writes_nothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _database.WriteAsync((connection, tx, _) => connection.ExecuteAsync("insert into items (id, name) values (1, 'x')", null, tx), cancelled.Token));

        Assert.Equal(0, await CountAsync());
    }

    [Fact]
    public async Task A_unit_sees_what_earlier_units_of_the_same_commit_wrote()
    {
        var first = _database.WriteAsync((connection, tx, _) => connection.ExecuteAsync("insert into items (id, name) values (1, 'a') on conflict do nothing", null, tx));
        var second = _database.WriteAsync((connection, tx, _) => connection.ExecuteAsync("insert into items (id, name) values (1, 'a') on conflict do nothing", null, tx));

        var inserted = await Task.WhenAll(first, second);
        Assert.Equal(new[] { 1, 0 }, inserted);
    }

    [Fact]
    public async Task Units_queued_behind_a_running_commit_share_the_next_one_and_complete_only_when_it_commits()
    {
        var firstRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseLast = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _database.WriteAsync(async (_, _, _) => { firstRunning.SetResult(); await releaseFirst.Task; return 0; });
        await firstRunning.Task;
        var early = _database.WriteAsync((connection, tx, _) => connection.ExecuteAsync("insert into items (id, name) values (1, 'early')", null, tx));
        var late = _database.WriteAsync(async (connection, tx, _) =>
        {
            var inserted = await connection.ExecuteAsync("insert into items (id, name) values (2, 'late')", null, tx);
            lastRunning.SetResult();
            await releaseLast.Task;
            return inserted;
        });

        releaseFirst.SetResult();
        await first;
        await lastRunning.Task;
        var earlyBeforeCommit = early.IsCompleted;
        var visibleBeforeCommit = await CountAsync();
        releaseLast.SetResult();

        var inserted = await Task.WhenAll(early, late);
        Assert.Equal(new[] { 1, 1 }, inserted);
        Assert.False(earlyBeforeCommit, "a unit completes only when its commit is done");
        Assert.Equal(0, visibleBeforeCommit);
        Assert.Equal(2, await CountAsync());
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("select count(*) from items");
    }
}
