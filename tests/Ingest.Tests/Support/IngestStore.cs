using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directive58.Ingest.Tests.Support;

/// <summary>A temporary SQLite store with the platform's and Ingest's schema: enough to run Ingest's slices without a host.</summary>
public sealed class IngestStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "d58-ingest-tests", Guid.NewGuid().ToString("N"));

    private IngestStore() =>
        Database = new Database(Options.Create(new StorageOptions { ConnectionString = $"Data Source={_folder}/ingest.db" }));

    public Database Database { get; }

    public static async Task<IngestStore> CreateAsync()
    {
        var store = new IngestStore();
        await new SchemaMigrator(store.Database,
            [new SchemaScripts("platform", typeof(Database).Assembly), new SchemaScripts("ingest", typeof(IngestModule).Assembly)],
            NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
