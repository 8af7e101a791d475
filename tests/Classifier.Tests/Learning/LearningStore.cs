using Dapper;
using Directive58.Classifier;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directive58.Classifier.Tests.Learning;

/// <summary>A temporary SQLite store with the classifier's tables and a minimal copy of Ingest's reports table.</summary>
public sealed class LearningStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "d58-learning-tests", Guid.NewGuid().ToString("N"));

    public Database Database { get; }

    private LearningStore() =>
        Database = new Database(Options.Create(new StorageOptions { ConnectionString = $"Data Source={_folder}/d58.db" }));

    public static async Task<LearningStore> CreateAsync()
    {
        var store = new LearningStore();
        await store.MigrateAsync();
        await using var connection = await store.Database.OpenAsync();
        await connection.ExecuteAsync(
            "create table reports (id text primary key, text text not null, workplace_code text not null default 'BN-001', occurred_at text not null default '2026-03-01T00:00:00.0000000Z')");
        return store;
    }

    /// <summary>Applies the classifier's scripts not yet applied (those that wait for reports, once it exists).</summary>
    public Task MigrateAsync() =>
        new SchemaMigrator(Database, [new SchemaScripts("classifier", typeof(ClassifierModule).Assembly)], NullLogger<SchemaMigrator>.Instance).MigrateAsync();

    public async Task AddReportAsync(Guid id, string text, string workplaceCode = "BN-001", DateTimeOffset? occurredAt = null)
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("insert into reports (id, text, workplace_code, occurred_at) values (@id, @text, @workplaceCode, @occurredAt)",
            new { id, text, workplaceCode, occurredAt = occurredAt ?? new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero) });
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
