using Directive58.Contracts;
using Directive58.EndToEnd.Tests.Support;
using Directive58.Ingest.ErrorQueue;
using Directive58.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.RealServers.Faults;

/// <summary>A message the classifier can never handle goes to the error queue once, and the rest keep flowing.</summary>
[Collection("real servers")]
public sealed class PoisonMessageTests
{
    [RealServersFact(Timeout = 600_000)]
    public async Task A_poison_report_ends_in_the_error_queue_after_its_retries_while_the_others_are_classified()
    {
        await using var pipeline = await ScaledOutPipeline.StartAsync();
        var load = new ReportLoad("ok", 300, await PipelineLedger.WorkplacesAsync(pipeline.Database, 40));
        // No workplace: the classifications table refuses the row, every time.
        var poisonId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await pipeline.Ingest.Services.GetRequiredService<IBus>().Publish(new ReportSubmitted(poisonId, null!, "ngừng việc", "app", null, now, now));

        await load.SubmitAsync(() => pipeline.IngestClient, concurrency: 8);
        await PipelineLedger.AssertNothingLostNorDoubledAsync(pipeline.Database, load, TimeSpan.FromSeconds(60));

        await Reports.EventuallyAsync(async () => await pipeline.Servers.QueueDepthAsync("classify-report_error") == 1 ? "one" : null,
            TimeSpan.FromSeconds(45), "the poison message in classify-report_error");
        Assert.Equal(0, await pipeline.Servers.QueueDepthAsync("classify-report"));
        var rabbit = pipeline.Settings;
        using var broker = new ErrorQueueBroker(
            new RabbitMqOptions { Host = rabbit["Bus:RabbitMq:Host"]!, Port = ushort.Parse(rabbit["Bus:RabbitMq:Port"]!), VirtualHost = pipeline.Servers.Name },
            new Uri(rabbit["Bus:RabbitMq:ManagementUrl"]!));
        var failed = Assert.Single(await broker.PeekAsync("classify-report_error", 10, CancellationToken.None));
        Assert.Contains(poisonId.ToString(), failed.Body);
        Assert.Contains("workplace_code", failed.Reason);
    }
}
