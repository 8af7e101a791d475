using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.RealServers.Faults;

/// <summary>
/// RabbitMQ goes away while 5,000 reports come in and comes back. The broker is shared with other
/// people, so instead of stopping it the test has it close every connection of this test's virtual
/// host (management API), repeatedly, as a broker does when it shuts down.
/// </summary>
[Collection("real servers")]
public sealed class BrokerOutageTests
{
    [RealServersFact]
    public async Task Reports_submitted_while_the_broker_is_away_are_each_classified_once_and_every_alert_exists()
    {
        await using var pipeline = await ScaledOutPipeline.StartAsync();
        var load = new ReportLoad("mq", 5000, await PipelineLedger.WorkplacesAsync(pipeline.Database, 40));

        var submitting = load.SubmitAsync(() => pipeline.IngestClient, concurrency: 16);
        await Reports.EventuallyAsync(() => Task.FromResult(load.Accepted.Count >= 1000 ? "ok" : null), TimeSpan.FromSeconds(60), "1,000 reports accepted");
        // The broker drops every connection of this virtual host, three times over three seconds:
        // each reconnect meets the next shutdown, as with a broker restarting.
        var closed = 0;
        for (var i = 0; i < 3; i++)
        {
            closed += await pipeline.Servers.CloseBrokerConnectionsAsync();
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        var acceptedDuringOutage = load.Accepted.Count;
        await pipeline.WaitUntilAllReadyAsync(TimeSpan.FromSeconds(60));
        await submitting;

        Assert.Equal(5000, load.Accepted.Count);
        Assert.True(closed >= 3, $"the broker closed the services' connections ({closed})");
        Assert.True(acceptedDuringOutage < 5000, "the outage began while reports were still coming in");
        await PipelineLedger.AssertNothingLostNorDoubledAsync(pipeline.Database, load, TimeSpan.FromSeconds(120));
    }
}
