using System.Net;
using System.Net.Mail;
using System.Text;
using Directive58.Alerts.Alerting;
using Microsoft.Extensions.Options;

namespace Directive58.Alerts.Notifications;

/// <summary>Email over SMTP with System.Net.Mail: enough for a relay at the federation; no extra package.</summary>
public sealed class EmailChannel(IOptions<AlertsOptions> options) : IAlertChannel
{
    private EmailOptions Settings => options.Value.Channels.Email;

    public string Name => "email";

    public bool Enabled => Settings.Enabled;

    public string? AddressOf(Contact contact) => string.IsNullOrWhiteSpace(contact.Email) ? null : contact.Email;

    public async Task SendAsync(AlertNotice notice, string address, CancellationToken ct)
    {
        var s = Settings;
        using var client = new SmtpClient(s.Host, s.Port)
        {
            EnableSsl = s.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)s.Timeout.TotalMilliseconds,
            Credentials = s.UserName is null ? null : new NetworkCredential(s.UserName, s.Password),
        };
        using var message = new MailMessage(new MailAddress(s.From, s.FromName, Encoding.UTF8), new MailAddress(address))
        {
            Subject = AlertTemplates.Subject(notice),
            Body = AlertTemplates.Body(notice),
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(message, ct);
    }
}
