using System.Net.Http.Headers;
using System.Net.Http.Json;
using Directive58.Alerts.Alerting;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.Notifications;

/// <summary>SMS through whatever HTTP gateway the federation contracts: a JSON POST {"to", "text"} to `Alerts:Channels:Sms:GatewayUrl`.</summary>
public sealed class SmsChannel(IHttpClientFactory http, IOptions<AlertsOptions> options) : IAlertChannel
{
    public string Name => "sms";

    public bool Enabled => options.Value.Channels.Sms is { Enabled: true, GatewayUrl.Length: > 0 };

    public string? AddressOf(Contact contact) => string.IsNullOrWhiteSpace(contact.Phone) ? null : contact.Phone;

    public async Task SendAsync(AlertNotice notice, string address, CancellationToken ct)
    {
        var settings = options.Value.Channels.Sms;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
        {
            Content = JsonContent.Create(new { to = address, text = AlertTemplates.Sms(notice) }),
        };
        if (settings.ApiKey is { Length: > 0 } key) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        using var response = await http.CreateClient(WebhookChannel.ClientName).SendAsync(request, timeout.Token);
        response.EnsureSuccessStatusCode();
    }
}
