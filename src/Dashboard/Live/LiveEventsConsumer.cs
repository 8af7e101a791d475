using Directive58.Contracts;
using MassTransit;

namespace Directive58.Dashboard.Live;

/// <summary>
/// Hands bus events to the notifier. Each dashboard instance consumes on its own temporary endpoint
/// (see DashboardModule), so every replica sees every event.
/// </summary>
public sealed class LiveEventsConsumer(LiveNotifier notifier) :
    IConsumer<ReportClassified>, IConsumer<AlertRaised>, IConsumer<AlertAcknowledged>, IConsumer<AlertEscalated>, IConsumer<HotSpotChanged>
{
    public Task Consume(ConsumeContext<ReportClassified> context) => Send("report-classified", context.Message.WorkplaceCode,
        new { context.Message.ReportId, context.Message.WorkplaceCode, context.Message.Topic, context.Message.Risk });

    public Task Consume(ConsumeContext<AlertRaised> context) => Send("alert-raised", context.Message.WorkplaceCode, context.Message);

    public Task Consume(ConsumeContext<AlertAcknowledged> context) => Send("alert-acknowledged", context.Message.WorkplaceCode, context.Message);

    public Task Consume(ConsumeContext<AlertEscalated> context) => Send("alert-escalated", context.Message.WorkplaceCode, context.Message);

    public Task Consume(ConsumeContext<HotSpotChanged> context) => Send("hotspot-changed", context.Message.WorkplaceCode, context.Message);

    private Task Send(string name, string workplaceCode, object data)
    {
        notifier.Publish(new LiveEvent(name, workplaceCode, data));
        return Task.CompletedTask;
    }
}
