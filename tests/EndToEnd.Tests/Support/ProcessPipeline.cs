using Directive58.Registry.Demo;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Options;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// The scaled-out pipeline as it is deployed: Ingest, Classifier and Alerts each in its own
/// supervised process (<see cref="SupervisedService"/>), on this test's PostgreSQL database and the
/// given RabbitMQ. The sweeper and the bus watchdog run with short periods so that recovery fits
/// in a test; rate limits are out of the way; logs (warnings and worse) go to the children's log.
/// </summary>
public sealed class ProcessPipeline : IAsyncDisposable
{
    private readonly Support.RealServers _servers;
    private readonly List<SupervisedService> _services = [];

    private ProcessPipeline(Support.RealServers servers)
    {
        _servers = servers;
        Database = new Database(Options.Create(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = servers.ConnectionString }));
    }

    public Database Database { get; }
    public HttpClient IngestClient { get; private set; } = null!;
    public int Restarts => _services.Sum(s => s.Restarts);

    public static async Task<ProcessPipeline> StartAsync(ChildProcesses children, int brokerPort, TimeSpan within)
    {
        var pipeline = new ProcessPipeline(await Support.RealServers.CreateAsync(virtualHost: false));
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "Postgres",
                ["Storage:ConnectionString"] = pipeline._servers.ConnectionString,
                ["Bus:Transport"] = "RabbitMq",
                ["Bus:RabbitMq:Host"] = "127.0.0.1",
                ["Bus:RabbitMq:Port"] = brokerPort.ToString(),
                ["Bus:RabbitMq:VirtualHost"] = "/",
                ["Bus:Watchdog:StopAfter"] = "00:00:10",
                ["Ingest:Sweeper:Grace"] = "00:00:05",
                ["Ingest:Sweeper:Interval"] = "00:00:01",
                ["RateLimits:PermitsPerSecond"] = "1000000",
                ["Auth:BootstrapApiKey"] = EmbeddedApp.ApiKey,
                ["Demo:Enabled"] = "false",
                ["Logging:File"] = "none",
                ["Serilog:MinimumLevel:Default"] = "Warning",
            };
            // Ingest first: it creates the schema (the others would wait on its lock) and the API key.
            var ingest = pipeline.Add(new SupervisedService("Ingest", children, settings));
            pipeline.IngestClient = new HttpClient { BaseAddress = ingest.Url, Timeout = TimeSpan.FromSeconds(30) };
            pipeline.IngestClient.DefaultRequestHeaders.Add("X-Api-Key", EmbeddedApp.ApiKey);
            await pipeline.WaitUntilAllReadyAsync(within);
            await DemoRegistry.SeedIfEmptyAsync(pipeline.Database);
            pipeline.Add(new SupervisedService("Classifier", children, settings));
            pipeline.Add(new SupervisedService("Alerts", children, settings));
            await pipeline.WaitUntilAllReadyAsync(within);
            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    private SupervisedService Add(SupervisedService service)
    {
        _services.Add(service);
        service.Start();
        return service;
    }

    /// <summary>Polls every service's /health/ready (store and bus) until all answer 200.</summary>
    public async Task WaitUntilAllReadyAsync(TimeSpan within)
    {
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var last = "";
        try
        {
            await Reports.EventuallyAsync(async () =>
            {
                foreach (var service in _services)
                {
                    try
                    {
                        using var response = await probe.GetAsync(new Uri(service.Url, "/health/ready"));
                        last = $"{service.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                        if (!response.IsSuccessStatusCode) return null;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        last = $"{service.Name}: {ex.Message}";
                        return null;
                    }
                }
                return "all";
            }, within, "every service's /health/ready answers 200");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last: {last}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services) await service.DisposeAsync();
        IngestClient?.Dispose();
        await Database.DisposeAsync();
        await _servers.DisposeAsync();
    }
}
