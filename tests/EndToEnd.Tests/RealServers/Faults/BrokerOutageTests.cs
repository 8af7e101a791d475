using System.Diagnostics;
using Directive58.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Directive58.EndToEnd.Tests.RealServers.Faults;

/// <summary>
/// RabbitMQ stops and starts again while 5,000 reports come in. The shared broker serves other
/// tests, so this one starts a node of its own and really stops it; the services run as separate
/// processes under a supervisor, as deployed, so a service that cannot heal is restarted, and
/// ending the test kills them — it never waits on a stuck host.
/// </summary>
[Collection("real servers")]
public sealed class BrokerOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(8);

    [ThrowawayBrokerFact(Timeout = 600_000)]
    public async Task Reports_submitted_while_the_broker_is_stopped_and_restarted_are_each_classified_once_and_every_alert_exists()
    {
        using var children = new ChildProcesses(Path.Combine(AppContext.BaseDirectory, "fault-logs", $"broker-outage-{DateTime.Now:yyyyMMdd-HHmmss}.log"));
        var clock = Stopwatch.StartNew();
        try
        {
            await using var broker = await ThrowawayBroker.StartAsync(children);
            await using var pipeline = await ProcessPipeline.StartAsync(children, broker.Port, TimeSpan.FromSeconds(120));
            output.WriteLine($"{clock.Elapsed:mm\\:ss} broker and pipeline ready");
            var load = new ReportLoad("mq", 5000, await PipelineLedger.WorkplacesAsync(pipeline.Database, 40));

            var submitting = load.SubmitAsync(() => pipeline.IngestClient, concurrency: 16);
            await Reports.EventuallyAsync(() => Task.FromResult(load.Accepted.Count >= 1000 || submitting.IsCompleted ? "ok" : null), TimeSpan.FromSeconds(120), "1,000 reports accepted");
            var acceptedBefore = load.Accepted.Count;
            children.Write("test", $"stopping the broker ({acceptedBefore} reports accepted)");
            await broker.StopAsync();
            output.WriteLine($"{clock.Elapsed:mm\\:ss} broker stopped after {acceptedBefore} reports accepted");
            await Task.Delay(Outage);
            var acceptedWhileDown = load.Accepted.Count - acceptedBefore;
            children.Write("test", $"starting the broker again ({acceptedWhileDown} reports accepted while it was down)");
            await broker.StartAgainAsync();
            output.WriteLine($"{clock.Elapsed:mm\\:ss} broker back; {acceptedWhileDown} reports accepted while it was down");
            await pipeline.WaitUntilAllReadyAsync(TimeSpan.FromSeconds(180));
            await submitting.WaitAsync(TimeSpan.FromMinutes(4));
            output.WriteLine($"{clock.Elapsed:mm\\:ss} all submitted ({load.Retries} client retries, {pipeline.Restarts} service restarts)");

            Assert.Equal(5000, load.Accepted.Count);
            Assert.True(acceptedBefore < 5000, "the broker stopped while reports were still coming in");
            Assert.True(acceptedWhileDown > 0, "Ingest kept accepting reports while the broker was down (it stores first)");
            await PipelineLedger.AssertNothingLostNorDoubledAsync(pipeline.Database, load, TimeSpan.FromSeconds(180));
            output.WriteLine($"{clock.Elapsed:mm\\:ss} ledger balanced");
        }
        catch (Exception ex)
        {
            output.WriteLine($"{clock.Elapsed:mm\\:ss} failed: {ex.Message}");
            output.WriteLine($"--- last lines of {children.Path} ---");
            output.WriteLine(children.Tail(200));
            throw;
        }
    }
}
