using Directive58.Alerts.Silence;
using Directive58.ServiceDefaults.Messaging;
using MassTransit;
using Quartz;

namespace Directive58.Alerts.DailyDetection;

/// <summary>
/// Once a day after local midnight: EARS for the last three complete days (a day already evaluated
/// is skipped, so this both catches up after an outage and is idempotent), then the silence check;
/// publishes what they found.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DailyDetectionJob(DailyDetection detection, SilenceCheck silence, IBusControl bus) : IJob
{
    public static readonly JobKey Key = new("daily-detection", "alerts");
    private const int CatchUpDays = 3;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!await bus.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), cancellationToken)) return;
        var yesterday = detection.Yesterday();
        for (var day = yesterday.AddDays(1 - CatchUpDays); day <= yesterday; day = day.AddDays(1))
            foreach (var message in await detection.RunAsync(day, cancellationToken))
                await bus.Publish(message, cancellationToken);
        foreach (var flagged in await silence.RunAsync(cancellationToken))
            await bus.Publish(flagged, cancellationToken);
    }
}
