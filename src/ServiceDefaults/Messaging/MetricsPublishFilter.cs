using Directive58.Contracts;
using Directive58.ServiceDefaults.Metrics;
using MassTransit;

namespace Directive58.ServiceDefaults.Messaging;

/// <summary>
/// Counts what this process publishes, by type, and alerts by level. A redelivered trigger
/// re-announces its alert (consumers are idempotent), so alerts_announced can exceed the alerts
/// stored; the store is the source of truth, the counter the rate.
/// </summary>
public sealed class MetricsPublishFilter<T>(PrometheusMetrics metrics) : IFilter<PublishContext<T>> where T : class
{
    public async Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        await next.Send(context);
        metrics.Increment("d58_messages_published_total", "Messages published by this process, by type.", ("type", typeof(T).Name));
        if (context.Message is AlertRaised alert)
            metrics.Increment("d58_alerts_announced_total", "AlertRaised messages published, by level.", ("level", alert.Level));
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("metrics-publish");
}
