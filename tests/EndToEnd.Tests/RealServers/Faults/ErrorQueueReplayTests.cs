using Dapper;
using Directive58.EndToEnd.Tests.Support;
using Directive58.Ingest.ErrorQueue;
using Microsoft.Extensions.Configuration;

namespace Directive58.EndToEnd.Tests.RealServers.Faults;

/// <summary>Messages that failed for a cause since fixed go back to work with `errors replay`.</summary>
[Collection("real servers")]
public sealed class ErrorQueueReplayTests
{
    [RealServersFact(Timeout = 600_000)]
    public async Task Reports_that_failed_while_a_table_was_missing_are_classified_once_after_errors_replay()
    {
        // One quick retry, and no sweeper: only the replay can bring these reports back.
        await using var pipeline = await ScaledOutPipeline.StartAsync(extra: new() { ["Bus:Retry:Limit"] = "1", ["Ingest:Sweeper:Enabled"] = "false" });
        var load = new ReportLoad("replay", 20, await PipelineLedger.WorkplacesAsync(pipeline.Database, 8));
        await using (var connection = await pipeline.Database.OpenAsync())
            await connection.ExecuteAsync("alter table classifications rename to classifications_away");

        await load.SubmitAsync(() => pipeline.IngestClient, concurrency: 4);
        await Reports.EventuallyAsync(async () => await pipeline.Servers.QueueDepthAsync("classify-report_error") == 20 ? "all" : null,
            TimeSpan.FromSeconds(30), "20 messages in classify-report_error");
        await using (var connection = await pipeline.Database.OpenAsync())
            await connection.ExecuteAsync("alter table classifications_away rename to classifications");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(pipeline.Settings).Build();
        var list = new StringWriter();
        Assert.Equal(0, await ErrorQueueCommand.RunAsync(["list"], configuration, list));
        Assert.Contains("classify-report_error\t20", list.ToString());
        var replay = new StringWriter();
        Assert.Equal(0, await ErrorQueueCommand.RunAsync(["replay", "classify-report_error"], configuration, replay));
        Assert.Contains("Moved 20 message(s) from classify-report_error to classify-report", replay.ToString());

        await PipelineLedger.AssertNothingLostNorDoubledAsync(pipeline.Database, load, TimeSpan.FromSeconds(30));
        await Reports.EventuallyAsync(async () => await pipeline.Servers.QueueDepthAsync("classify-report_error") == 0 ? "empty" : null,
            TimeSpan.FromSeconds(15), "classify-report_error empty after the replay");
    }
}
