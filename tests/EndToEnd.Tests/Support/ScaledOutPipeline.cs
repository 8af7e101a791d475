using System.Net;
using Directive58.Alerts.Detection;
using Directive58.Classifier.ClassifyReport;
using Directive58.Ingest.SubmitReport;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// The scaled-out pipeline for fault tests: Ingest, one or more Classifiers and Alerts as separate
/// hosts on this test's PostgreSQL database and RabbitMQ virtual host. Like systemd with
/// `Restart=always`, it replaces a host that stops itself (the bus watchdog does so when its
/// broker link cannot heal). The sweeper and the watchdog run with short periods so recovery
/// fits in a test; rate limits are out of the way.
/// </summary>
public sealed class ScaledOutPipeline : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenSource _closing = new();
    private Task _supervising = Task.CompletedTask;

    private ScaledOutPipeline(Support.RealServers servers, Dictionary<string, string?> settings)
    {
        Servers = servers;
        Settings = settings;
    }

    public Support.RealServers Servers { get; }
    public Dictionary<string, string?> Settings { get; }
    public ServiceApp<ReportSubmission> Ingest { get; private set; } = null!;
    public HttpClient IngestClient { get; private set; } = null!;
    public List<ServiceApp<ClassifyReportConsumer>> Classifiers { get; } = [];
    public ServiceApp<DetectHotSpotConsumer> Alerts { get; private set; } = null!;
    public Database Database => Ingest.Database;
    public int Restarts { get; private set; }

    public static async Task<ScaledOutPipeline> StartAsync(int classifiers = 1, Dictionary<string, string?>? extra = null)
    {
        var servers = await Support.RealServers.CreateAsync();
        var settings = servers.Settings(new Dictionary<string, string?>
        {
            ["Ingest:Sweeper:Grace"] = "00:00:05",
            ["Ingest:Sweeper:Interval"] = "00:00:01",
            ["Bus:Watchdog:StopAfter"] = "00:00:10",
            ["RateLimits:PermitsPerSecond"] = "1000000",
            // Faults make every service warn thousands of times; the ledger, not the log, is the verdict.
            ["Serilog:MinimumLevel:Default"] = "Fatal",
        });
        foreach (var (k, v) in extra ?? []) settings[k] = v;
        var pipeline = new ScaledOutPipeline(servers, settings);
        pipeline.Ingest = new ServiceApp<ReportSubmission>(settings);
        pipeline.IngestClient = await pipeline.Ingest.StartAsync();
        for (var i = 0; i < classifiers; i++) pipeline.Classifiers.Add(Started(new ServiceApp<ClassifyReportConsumer>(settings)));
        pipeline.Alerts = Started(new ServiceApp<DetectHotSpotConsumer>(settings));
        pipeline._supervising = pipeline.SuperviseAsync(pipeline._closing.Token);
        return pipeline;
    }

    /// <summary>Stops a classifier for good (it is not restarted).</summary>
    public async Task StopClassifierAsync(int index)
    {
        ServiceApp<ClassifyReportConsumer> app;
        lock (_gate)
        {
            app = Classifiers[index];
            Classifiers.RemoveAt(index);
        }
        await app.DisposeAsync();
    }

    private async Task SuperviseAsync(CancellationToken closing)
    {
        while (!closing.IsCancellationRequested)
        {
            try { await Task.Delay(500, closing); }
            catch (OperationCanceledException) { return; }
            if (HasStopped(Ingest))
            {
                var old = Ingest;
                Ingest = new ServiceApp<ReportSubmission>(Settings);
                IngestClient = await Ingest.StartAsync();
                await Bounded(old.DisposeAsync().AsTask());
                Restarts++;
            }
            for (var i = 0; i < Classifiers.Count; i++)
            {
                ServiceApp<ClassifyReportConsumer>? old = null;
                lock (_gate)
                    if (i < Classifiers.Count && HasStopped(Classifiers[i])) { old = Classifiers[i]; Classifiers[i] = Started(new ServiceApp<ClassifyReportConsumer>(Settings)); }
                if (old is null) continue;
                await Bounded(old.DisposeAsync().AsTask());
                Restarts++;
            }
            if (HasStopped(Alerts))
            {
                var old = Alerts;
                Alerts = Started(new ServiceApp<DetectHotSpotConsumer>(Settings));
                await Bounded(old.DisposeAsync().AsTask());
                Restarts++;
            }
        }
    }

    private static bool HasStopped<T>(ServiceApp<T> app) where T : class
    {
        try { return app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested; }
        catch (ObjectDisposedException) { return false; }
    }

    private static ServiceApp<T> Started<T>(ServiceApp<T> app) where T : class
    {
        app.CreateClient().Dispose();
        return app;
    }

    public async Task<HttpStatusCode> IngestReadinessAsync()
    {
        using var response = await IngestClient.GetAsync("/health/ready");
        return response.StatusCode;
    }

    /// <summary>Polls Ingest's readiness until it reports <paramref name="expected"/>.</summary>
    public Task WaitForReadinessAsync(HttpStatusCode expected, TimeSpan within) => WaitAsync(
        () => [("ingest", IngestClient)], expected, within);

    /// <summary>Polls every host's readiness until all answer 200.</summary>
    public Task WaitUntilAllReadyAsync(TimeSpan within) => WaitAsync(() =>
    {
        lock (_gate)
            return [("ingest", IngestClient), ("alerts", Alerts.CreateClient()), .. Classifiers.Select((c, i) => ($"classifier-{i}", c.CreateClient()))];
    }, HttpStatusCode.OK, within);

    private static async Task WaitAsync(Func<List<(string Name, HttpClient Client)>> clients, HttpStatusCode expected, TimeSpan within)
    {
        var last = "";
        try
        {
            await Reports.EventuallyAsync(async () =>
            {
                foreach (var (name, client) in clients())
                {
                    try
                    {
                        using var response = await client.GetAsync("/health/ready");
                        last = $"{name}: {await response.Content.ReadAsStringAsync()}";
                        if (response.StatusCode != expected) return null;
                    }
                    catch (Exception ex) when (ex is ObjectDisposedException or HttpRequestException or InvalidOperationException)
                    {
                        return null; // replaced by the supervisor meanwhile
                    }
                }
                return "all";
            }, within, $"/health/ready answers {(int)expected}");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last: {last}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        await Bounded(_supervising);
        await Bounded(Ingest.DisposeAsync().AsTask());
        foreach (var classifier in Classifiers) await Bounded(classifier.DisposeAsync().AsTask());
        await Bounded(Alerts.DisposeAsync().AsTask());
        await Servers.DisposeAsync();
    }

    /// <summary>
    /// A host whose bus hit MassTransit 8.4's reconnect fault can hang while stopping. The verdict is
    /// already in by then, so a host that has not stopped within 30 s is abandoned rather than
    /// allowed to hold the whole test run (its database and vhost are dropped anyway).
    /// </summary>
    private static async Task Bounded(Task stopping)
    {
        if (await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(30))) != stopping)
            Console.Error.WriteLine("[d58] a service host did not stop within 30 s after a fault test; abandoned");
    }
}
