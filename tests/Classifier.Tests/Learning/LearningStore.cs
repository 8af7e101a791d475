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
        await new SchemaMigrator(store.Database, [new SchemaScripts("classifier", typeof(ClassifierModule).Assembly)], NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await using var connection = await store.Database.OpenAsync();
        await connection.ExecuteAsync("create table reports (id text primary key, text text not null)");
        return store;
    }

    public async Task AddReportAsync(Guid id, string text)
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync("insert into reports (id, text) values (@id, @text)", new { id, text });
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
