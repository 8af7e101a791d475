using Directive58.Dashboard;
using Directive58.Registry.Demo;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// The embedded default as a newcomer runs it — all four services in one process, SQLite, in-memory
/// bus — but on a temporary database, with the demo province's registry and no demo reports.
/// Extra settings (e.g. PostgreSQL and RabbitMQ) turn the same composition into the scaled-out one.
/// </summary>
public class EmbeddedApp(IReadOnlyDictionary<string, string?>? settings = null, bool testHarness = false)
    : ServiceApp<DashboardEntryPoint>(settings, testHarness);

/// <summary>Any of the four hosts on a temporary SQLite file (or the servers the settings name), with a known API key and admin.</summary>
public class ServiceApp<TEntryPoint>(IReadOnlyDictionary<string, string?>? settings = null, bool testHarness = false)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    public const string ApiKey = "d58_test_key_for_integration_tests";
    public const string AdminPassword = "Mat-khau-kiem-thu-58";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "d58-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var all = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:ConnectionString"] = $"Data Source={_folder}/d58.db",
            ["Auth:BootstrapApiKey"] = ApiKey,
            ["Auth:BootstrapAdmin:UserName"] = "admin",
            ["Auth:BootstrapAdmin:Password"] = AdminPassword,
            ["Demo:Enabled"] = "false",
            ["Logging:File"] = "none",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        foreach (var (key, value) in all) builder.UseSetting(key, value);
        // Generous timeouts: the harness waits for an event, so a loaded machine costs time, not a false failure.
        if (testHarness) builder.ConfigureServices(services => services.AddMassTransitTestHarness(x => x.SetTestTimeouts(TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(60))));
    }

    /// <summary>Starts the app, fills the registry with the demo province and returns a client with the API key.</summary>
    public async Task<HttpClient> StartAsync()
    {
        var client = CreateClient();
        if (Services.GetServices<SchemaScripts>().Any(s => s.Module == "registry"))
            await DemoRegistry.SeedIfEmptyAsync(Services.GetRequiredService<Database>());
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    public Database Database => Services.GetRequiredService<Database>();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
