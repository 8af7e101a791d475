using System.Net;
using System.Text.Json;
using Dapper;
using Directive58.Alerts.Alerting;
using Directive58.Alerts.Notifications;
using Directive58.Alerts.Tests.Support;
using Directive58.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Directive58.Alerts.Tests.Notifications;

/// <summary>Every channel against a local stand-in on 127.0.0.1: a fake SMTP relay, a webhook receiver, an SMS gateway.</summary>
public sealed class DeliverAlertConsumerTests : IAsyncLifetime
{
    private const string Secret = "bi-mat-webhook";
    private readonly FakeSmtpServer _smtp = new();
    private LocalHttpReceiver _webhook = null!;
    private LocalHttpReceiver _smsGateway = null!;
    private AlertsStore _store = null!;
    private ServiceProvider _http = null!;

    public async Task InitializeAsync()
    {
        _webhook = await LocalHttpReceiver.StartAsync();
        _smsGateway = await LocalHttpReceiver.StartAsync();
        var options = new AlertsOptions();
        options.Channels.Email = new EmailOptions { Enabled = true, Host = "127.0.0.1", Port = _smtp.Port };
        options.Channels.Webhook = new WebhookOptions { Enabled = true, Secret = Secret };
        options.Channels.Sms = new SmsOptions { Enabled = true, GatewayUrl = _smsGateway.Url("/sms") };
        options.Channels.Retry = new RetryOptions { MaxAttempts = 3, FirstDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };
        _store = await AlertsStore.CreateAsync(options);
        await using var connection = await _store.Database.OpenAsync();
        await connection.ExecuteAsync("update contacts set webhook_url = @url where unit_code = 'cdcs-bn-005'", new { url = _webhook.Url("/hook") });
        _http = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _webhook.DisposeAsync();
        await _smsGateway.DisposeAsync();
        await _store.DisposeAsync();
        await _http.DisposeAsync();
    }

    private DeliverAlertConsumer Consumer()
    {
        var factory = _http.GetRequiredService<IHttpClientFactory>();
        IAlertChannel[] channels = [new EmailChannel(_store.Wrapped), new WebhookChannel(factory, _store.Wrapped), new SmsChannel(factory, _store.Wrapped)];
        return new DeliverAlertConsumer(_store.Database, new DeliveryLog(_store.Database), channels, _store.Wrapped, _store.Clock, NullLogger<DeliverAlertConsumer>.Instance);
    }

    private Task<List<(string Channel, string Status, long Count)>> DeliveriesAsync() =>
        _store.QueryAsync<(string, string, long)>("select channel, status, count(*) from alert_deliveries group by channel, status order by channel, status");

    [Fact]
    public async Task A_failing_sms_gateway_is_retried_and_recorded_while_email_and_webhook_deliver()
    {
        _smsGateway.Answer = HttpStatusCode.ServiceUnavailable;
        var alert = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning)).Alert!;

        await Consumer().DeliverAsync(alert.AlertId, 0, "alert.raised", default);

        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Single(_webhook.Requests);
        Assert.Equal(6, _smsGateway.Requests.Count);
        Assert.Equal([("email", "sent", 2L), ("in-app", "sent", 2L), ("sms", "failed", 6L), ("webhook", "sent", 1L)], await DeliveriesAsync());
        Assert.Equal([1L, 2L, 3L], await _store.QueryAsync<long>("select distinct attempt from alert_deliveries where channel = 'sms' order by attempt"));
    }

    [Fact]
    public async Task The_webhook_body_carries_a_signature_the_receiver_can_verify()
    {
        var alert = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Alarm)).Alert!;

        await Consumer().DeliverAsync(alert.AlertId, 0, "alert.raised", default);

        var request = Assert.Single(_webhook.Requests);
        Assert.True(WebhookSignature.Verify(Secret, request.Body, request.Headers[WebhookSignature.Header]));
        Assert.False(WebhookSignature.Verify("another-secret", request.Body, request.Headers[WebhookSignature.Header]));
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(alert.AlertId, json.RootElement.GetProperty("alertId").GetGuid());
        Assert.Equal("alarm", json.RootElement.GetProperty("level").GetString());
        Assert.Equal("alert.raised", request.Headers["X-D58-Event"]);
    }

    [Fact]
    public async Task A_redelivered_alert_is_not_sent_again_over_channels_that_succeeded()
    {
        var alert = (await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning)).Alert!;

        await Consumer().DeliverAsync(alert.AlertId, 0, "alert.raised", default);
        await Consumer().DeliverAsync(alert.AlertId, 0, "alert.raised", default);

        Assert.Equal(2, _smtp.Messages.Count);
        Assert.Single(_webhook.Requests);
        Assert.Equal(2, _smsGateway.Requests.Count);
    }

    [Fact]
    public async Task An_escalation_reaches_only_the_unit_added_at_that_step()
    {
        await HotSpotFactory.OpenAsync(_store, "BN-005", HotSpotLevel.Warning);
        _store.Clock.Advance(TimeSpan.FromHours(24));
        var escalated = Assert.Single(await new Alerts.Escalation.EscalationSweep(_store.Database, _store.Wrapped, _store.Clock).RunAsync());

        await Consumer().DeliverAsync(escalated.AlertId, escalated.EscalationStep, "alert.escalated", default);

        Assert.Equal(["ldld-bac-ninh"], await _store.QueryAsync<string>("select distinct unit_code from alert_deliveries"));
        Assert.Contains("ldld-bac-ninh@example.vn", Assert.Single(_smtp.Messages), StringComparison.OrdinalIgnoreCase);
    }
}
