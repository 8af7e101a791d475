using Dapper;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.RealServers.Faults;

/// <summary>One of two Classifier instances stops while messages flow; the other takes its share.</summary>
[Collection("real servers")]
public sealed class ClassifierCrashTests
{
    [RealServersFact(Timeout = 600_000)]
    public async Task When_one_of_two_classifiers_stops_mid_stream_every_report_is_still_classified_once()
    {
        await using var pipeline = await ScaledOutPipeline.StartAsync(classifiers: 2);
        var load = new ReportLoad("crash", 1500, await PipelineLedger.WorkplacesAsync(pipeline.Database, 40));

        var submitting = load.SubmitAsync(() => pipeline.IngestClient, concurrency: 16);
        await Reports.EventuallyAsync(async () =>
        {
            await using var connection = await pipeline.Database.OpenAsync();
            return await connection.ExecuteScalarAsync<long>("select count(*) from classifications") >= 300 ? "ok" : null;
        }, TimeSpan.FromSeconds(60), "300 reports classified");
        var acceptedWhenStopped = load.Accepted.Count;
        await pipeline.StopClassifierAsync(0);
        await submitting;

        Assert.True(acceptedWhenStopped < 1500, "the classifier stopped while reports were still coming in");
        await PipelineLedger.AssertNothingLostNorDoubledAsync(pipeline.Database, load, TimeSpan.FromSeconds(90));
    }
}
