using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Directive58.Alerts.Notifications;

/// <summary>
/// Tells each recipient unit of a raised or escalated alert over every channel its contacts have.
/// In-app is the AlertRaised/AlertEscalated event itself (the dashboard streams it) and is recorded
/// once per unit. Every other (contact, channel) is sent on its own, concurrently, with retries and
/// exponential backoff: a failing SMTP relay never holds back the webhook or the SMS. Each attempt
/// is a row in `alert_deliveries`; what was already sent is not sent again on redelivery.
/// </summary>
public sealed class DeliverAlertConsumer(
    Database database, DeliveryLog log, IEnumerable<IAlertChannel> channels, IOptions<AlertsOptions> options, TimeProvider clock,
    ILogger<DeliverAlertConsumer> logger) : IConsumer<AlertRaised>, IConsumer<AlertEscalated>
{
    private sealed record AlertRow
    {
        public Guid Id { get; init; }
        public Guid HotSpotId { get; init; }
        public string WorkplaceCode { get; init; } = null!;
        public string UnitKind { get; init; } = null!;
        public string Level { get; init; } = null!;
        public string Title { get; init; } = null!;
        public DateTimeOffset RaisedAt { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }

    private sealed record Recipient
    {
        public string UnitKind { get; init; } = null!;
        public string UnitCode { get; init; } = null!;
        public string UnitName { get; init; } = null!;
    }

    public Task Consume(ConsumeContext<AlertRaised> context) => DeliverAsync(context.Message.AlertId, 0, "alert.raised", context.CancellationToken);

    public Task Consume(ConsumeContext<AlertEscalated> context) =>
        DeliverAsync(context.Message.AlertId, context.Message.EscalationStep, "alert.escalated", context.CancellationToken);

    public async Task DeliverAsync(Guid alertId, int step, string eventName, CancellationToken ct)
    {
        AlertRow? alert;
        List<Recipient> recipients;
        List<Contact> contacts;
        await using (var connection = await database.OpenAsync(ct))
        {
            alert = await connection.QuerySingleOrDefaultAsync<AlertRow>(
                """
                select id, hotspot_id as HotSpotId, workplace_code as WorkplaceCode, unit_kind as UnitKind, level, title, raised_at as RaisedAt, due_at as DueAt
                from alerts where id = @alertId
                """, new { alertId });
            if (alert is null) return;
            recipients = (await connection.QueryAsync<Recipient>(
                "select unit_kind as UnitKind, unit_code as UnitCode, unit_name as UnitName from alert_recipients where alert_id = @alertId and step = @step",
                new { alertId, step })).ToList();
            contacts = (await connection.QueryAsync<Contact>(
                """
                select c.id, c.name, c.unit_kind as UnitKind, c.unit_code as UnitCode, c.email, c.phone, c.webhook_url as WebhookUrl
                from contacts c join alert_recipients r on r.unit_kind = c.unit_kind and r.unit_code = c.unit_code
                where r.alert_id = @alertId and r.step = @step
                """, new { alertId, step })).ToList();
        }

        var settings = options.Value.Channels;
        var sent = await log.SentAsync(alertId, step, ct);
        var work = new List<Task>();
        foreach (var recipient in recipients)
        {
            var notice = new AlertNotice(eventName, alert.Id, alert.HotSpotId, alert.UnitKind, alert.WorkplaceCode, alert.Level, alert.Title,
                alert.RaisedAt, alert.DueAt, step, recipient.UnitCode, recipient.UnitName,
                settings.DashboardUrl is { Length: > 0 } url ? $"{url.TrimEnd('/')}/HotSpots/{alert.HotSpotId}" : null);
            if (settings.InApp.Enabled && !sent.Contains((recipient.UnitCode, null, "in-app")))
                await log.RecordAsync(new DeliveryLog.Attempt(alert.Id, step, recipient.UnitKind, recipient.UnitCode, null, "in-app", null, 1, "sent", null, clock.GetUtcNow()), ct);
            foreach (var contact in contacts.Where(c => c.UnitKind == recipient.UnitKind && c.UnitCode == recipient.UnitCode))
                foreach (var channel in channels.Where(c => c.Enabled))
                    if (channel.AddressOf(contact) is { } address && !sent.Contains((recipient.UnitCode, contact.Id, channel.Name)))
                        work.Add(SendWithRetriesAsync(channel, notice, contact, address, ct));
        }
        await Task.WhenAll(work);
    }

    private async Task SendWithRetriesAsync(IAlertChannel channel, AlertNotice notice, Contact contact, string address, CancellationToken ct)
    {
        var retry = options.Value.Channels.Retry;
        var pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(0, retry.MaxAttempts - 1),
            Delay = retry.FirstDelay,
            MaxDelay = retry.MaxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException || !ct.IsCancellationRequested),
        }).Build();
        var attempt = 0;
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                attempt++;
                try
                {
                    await channel.SendAsync(notice, address, token);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    await log.RecordAsync(Attempt("failed", e.Message), CancellationToken.None);
                    throw;
                }
                await log.RecordAsync(Attempt("sent", null), CancellationToken.None);
            }, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Alert {AlertId}: {Channel} to {UnitCode} failed after {Attempts} attempts", notice.AlertId, channel.Name, notice.RecipientUnitCode, attempt);
        }

        DeliveryLog.Attempt Attempt(string status, string? error) => new(notice.AlertId, notice.EscalationStep, contact.UnitKind, contact.UnitCode, contact.Id,
            channel.Name, address, attempt, status, error, clock.GetUtcNow());
    }
}
