using System.Net;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.RealServers.Faults;

/// <summary>PostgreSQL refuses connections to the database for several seconds while reports flow.</summary>
[Collection("real servers")]
public sealed class DatabaseOutageTests
{
    [RealServersFact(Timeout = 600_000)]
    public async Task While_the_database_refuses_connections_readiness_fails_and_afterwards_nothing_is_lost()
    {
        await using var pipeline = await ScaledOutPipeline.StartAsync();
        var load = new ReportLoad("pg", 1000, await PipelineLedger.WorkplacesAsync(pipeline.Database, 40));

        var submitting = load.SubmitAsync(() => pipeline.IngestClient, concurrency: 16);
        await Reports.EventuallyAsync(() => Task.FromResult(load.Accepted.Count >= 300 ? "ok" : null), TimeSpan.FromSeconds(60), "300 reports accepted");
        await pipeline.Servers.RefuseDatabaseAsync();
        await pipeline.WaitForReadinessAsync(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
        // Five more seconds of refusal: shorter than the consumers' retry budget (~11 s), longer than a blip.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var acceptedDuringOutage = load.Accepted.Count;
        await pipeline.Servers.AllowDatabaseAsync();
        await pipeline.WaitForReadinessAsync(HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await submitting;

        Assert.True(acceptedDuringOutage < 1000, "the outage began while reports were still coming in");
        Assert.True(load.Retries > 0, "the client had to retry while the database refused");
        await PipelineLedger.AssertNothingLostNorDoubledAsync(pipeline.Database, load, TimeSpan.FromSeconds(90));
    }
}
