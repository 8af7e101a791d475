using System.Net.Http.Headers;
using System.Text.Json;
using Directive58.Alerts.Alerting;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.Notifications;

/// <summary>A JSON POST to the contact's webhook URL, signed so the receiver can tell it came from us unaltered.</summary>
public sealed class WebhookChannel(IHttpClientFactory http, IOptions<AlertsOptions> options) : IAlertChannel
{
    public const string ClientName = "d58-webhook";

    public string Name => "webhook";

    public bool Enabled => options.Value.Channels.Webhook.Enabled;

    public string? AddressOf(Contact contact) => string.IsNullOrWhiteSpace(contact.WebhookUrl) ? null : contact.WebhookUrl;

    public async Task SendAsync(AlertNotice notice, string address, CancellationToken ct)
    {
        var settings = options.Value.Channels.Webhook;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            @event = notice.Event, notice.AlertId, notice.HotSpotId, notice.UnitKind, notice.UnitCode, notice.Level, notice.Title,
            notice.RaisedAt, notice.DueAt, notice.EscalationStep, recipientUnit = notice.RecipientUnitCode, notice.Link,
            text = AlertTemplates.Sms(notice),
        }, JsonSerializerOptions.Web);
        using var request = new HttpRequestMessage(HttpMethod.Post, address) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Compute(settings.Secret, body));
        request.Headers.Add("X-D58-Event", notice.Event);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        using var response = await http.CreateClient(ClientName).SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode();
    }
}
