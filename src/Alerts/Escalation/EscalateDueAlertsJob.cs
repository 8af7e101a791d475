using Directive58.ServiceDefaults.Messaging;
using MassTransit;
using Quartz;

namespace Directive58.Alerts.Escalation;

/// <summary>
/// Runs the due-alert sweep on the scheduler's interval and announces what it escalated. On
/// PostgreSQL the clustered scheduler fires it on one instance at a time; the sweep's claim keeps
/// escalations exactly-once even if two fired together.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EscalateDueAlertsJob(EscalationSweep sweep, IBusControl bus) : IJob
{
    public static readonly JobKey Key = new("escalate-due-alerts", "alerts");

    /// <summary>Long enough for a published escalation to have been delivered in-app (recorded at once) before it counts as lost.</summary>
    public static readonly TimeSpan AnnounceGrace = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // The scheduler may start before the bus; an escalation claimed but never announced would be lost.
        if (!await bus.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30), cancellationToken)) return;
        // A publish the broker does not confirm in time is left to the next run's UnannouncedAsync,
        // instead of holding the job (and the host's stop) until the broker is back.
        using var publishing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishing.CancelAfter(PublishTimeout);
        foreach (var escalated in await sweep.RunAsync(cancellationToken))
            await bus.Publish(escalated, publishing.Token);
        foreach (var untold in await sweep.UnannouncedAsync(AnnounceGrace, cancellationToken))
            await bus.Publish(untold, publishing.Token);
    }
}
