using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Registry.Demo;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.Tests.Support;

/// <summary>
/// A temporary SQLite store with the registry's and the alerts module's schema and the demo province:
/// enough to run the Alerts slices (writers, sweep, daily detection, deliveries) without a host.
/// </summary>
public sealed class AlertsStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "d58-alerts-tests", Guid.NewGuid().ToString("N"));

    private AlertsStore(AlertsOptions options, ManualClock clock)
    {
        Options = options;
        Clock = clock;
        Database = new Database(Microsoft.Extensions.Options.Options.Create(new StorageOptions { ConnectionString = $"Data Source={_folder}/d58.db" }));
    }

    public static readonly DateTimeOffset Start = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    public Database Database { get; }
    public AlertsOptions Options { get; }
    public ManualClock Clock { get; }
    public IOptions<AlertsOptions> Wrapped => Microsoft.Extensions.Options.Options.Create(Options);

    public static async Task<AlertsStore> CreateAsync(AlertsOptions? options = null)
    {
        var store = new AlertsStore(options ?? new AlertsOptions(), new ManualClock(Start));
        var scripts = new[]
        {
            new SchemaScripts("registry", typeof(Registry.RegistryModule).Assembly),
            new SchemaScripts("alerts", typeof(AlertsModule).Assembly),
        };
        await new SchemaMigrator(store.Database, scripts, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await DemoRegistry.SeedIfEmptyAsync(store.Database);
        return store;
    }

    /// <summary>Records a classified report as the detector would have (report_signals).</summary>
    public async Task<Guid> AddSignalAsync(string workplaceCode, string risk, string? reporterRef, DateTimeOffset occurredAt, string topic = "wages")
    {
        var id = Guid.NewGuid();
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync(
            "insert into report_signals (report_id, workplace_code, topic, risk, reporter_ref, occurred_at, received_at) values (@id, @workplaceCode, @topic, @risk, @reporterRef, @occurredAt, @occurredAt)",
            new { id, workplaceCode, topic, risk, reporterRef, occurredAt });
        return id;
    }

    public async Task<T> ScalarAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, args))!;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Database.OpenAsync();
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
