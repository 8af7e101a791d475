using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Directive58.ServiceDefaults.Storage;

/// <summary>
/// Group commit for SQLite's single writer, the embedded default's answer to PostgreSQL's
/// concurrent writers (no library on the registry does this for Microsoft.Data.Sqlite).
/// <para>
/// SQLite lets one connection write at a time; when several consumers each open a connection and
/// write, the losers get SQLITE_BUSY and Microsoft.Data.Sqlite retries them only every 150 ms, which
/// capped the embedded pipeline at a few hundred reports a second with second-long tails. Here every
/// write is a unit queued to one long-lived connection: the writer takes whatever units are waiting,
/// runs them one after another inside one transaction, each under its own savepoint, and commits once.
/// A unit that throws rolls back only its savepoint and its caller gets the exception (so a poison
/// message still fails alone); the others complete only after the commit, so "stored" means
/// committed. Units must be short, must not open other connections or wait on the bus, and must pass
/// the transaction to every command.
/// </para>
/// </summary>
internal sealed class SqliteWriteQueue : IAsyncDisposable
{
    private const int MaxUnitsPerCommit = 256;
    private readonly Channel<WriteUnit> _units = Channel.CreateUnbounded<WriteUnit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<CancellationToken, Task<SqliteConnection>> _open;
    private readonly Task _writer;

    public SqliteWriteQueue(Func<CancellationToken, Task<SqliteConnection>> open)
    {
        _open = open;
        _writer = Task.Run(RunAsync);
    }

    public async Task<T> EnqueueAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var unit = new WriteUnit(async (connection, tx, ct) => await work(connection, tx, ct), cancellationToken);
        if (!_units.Writer.TryWrite(unit)) throw new ObjectDisposedException(nameof(SqliteWriteQueue), "The store is shutting down.");
        return (T)(await unit.Completion.Task)!;
    }

    /// <summary>
    /// Should the loop itself ever fault, the queue refuses new units and fails the waiting ones, so
    /// no caller waits forever on a writer that is gone.
    /// </summary>
    private async Task RunAsync()
    {
        try
        {
            await WriteAsync();
        }
        catch (Exception ex)
        {
            _units.Writer.TryComplete(ex);
            while (_units.Reader.TryRead(out var unit)) unit.Completion.TrySetException(ex);
        }
    }

    private async Task WriteAsync()
    {
        SqliteConnection? connection = null;
        var batch = new List<WriteUnit>(MaxUnitsPerCommit);
        var done = new List<(WriteUnit Unit, object? Result)>(MaxUnitsPerCommit);
        while (await _units.Reader.WaitToReadAsync())
        {
            batch.Clear();
            done.Clear();
            while (batch.Count < MaxUnitsPerCommit && _units.Reader.TryRead(out var unit))
            {
                if (unit.Cancellation.IsCancellationRequested) unit.Completion.TrySetCanceled(unit.Cancellation);
                else batch.Add(unit);
            }
            if (batch.Count == 0) continue;
            try
            {
                connection ??= await _open(CancellationToken.None);
                await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
                foreach (var unit in batch)
                {
                    await tx.SaveAsync("unit");
                    try
                    {
                        var result = await unit.Work(connection, tx, unit.Cancellation);
                        await tx.ReleaseAsync("unit");
                        done.Add((unit, result));
                    }
                    catch (Exception ex)
                    {
                        // The caller learns what its own work threw, even if the rollback then fails too
                        // (the transaction is gone then: the outer catch fails the rest of the batch).
                        Fail(unit, ex);
                        await tx.RollbackAsync("unit");
                        await tx.ReleaseAsync("unit");
                    }
                }
                await tx.CommitAsync();
                foreach (var (unit, result) in done) unit.Completion.TrySetResult(result);
            }
            catch (Exception ex)
            {
                // Begin, commit or a rollback failed (I/O, disk full): nothing of this batch is stored.
                foreach (var unit in batch) Fail(unit, ex);
                if (connection is not null) await connection.DisposeAsync();
                connection = null;
            }
        }
        if (connection is not null) await connection.DisposeAsync();
    }

    private static void Fail(WriteUnit unit, Exception ex)
    {
        if (ex is OperationCanceledException && unit.Cancellation.IsCancellationRequested) unit.Completion.TrySetCanceled(unit.Cancellation);
        else unit.Completion.TrySetException(ex);
    }

    public async ValueTask DisposeAsync()
    {
        _units.Writer.TryComplete();
        await _writer;
    }

    private sealed class WriteUnit(Func<DbConnection, DbTransaction, CancellationToken, Task<object?>> work, CancellationToken cancellation)
    {
        public Func<DbConnection, DbTransaction, CancellationToken, Task<object?>> Work { get; } = work;
        public CancellationToken Cancellation { get; } = cancellation;

        // Callers continue on the thread pool, never on the writer's loop.
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
