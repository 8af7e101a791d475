namespace Directive58.Alerts.Notifications;

/// <summary>
/// `Alerts:Channels:*`. Only in-app is on by default, so the embedded default never tries to send
/// mail, SMS or webhooks to the demo contacts' example.vn addresses.
/// </summary>
public sealed class ChannelOptions
{
    public ToggleOptions InApp { get; set; } = new() { Enabled = true };
    public EmailOptions Email { get; set; } = new();
    public WebhookOptions Webhook { get; set; } = new();
    public SmsOptions Sms { get; set; } = new();
    public RetryOptions Retry { get; set; } = new();

    /// <summary>Where recipients open the alert, e.g. https://d58.ldld.example.vn; left out of messages when unset.</summary>
    public string? DashboardUrl { get; set; }
}

public class ToggleOptions
{
    public bool Enabled { get; set; }
}

public sealed class EmailOptions : ToggleOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "canhbao@d58.local";
    public string FromName { get; set; } = "Cảnh báo điểm nóng D58";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}

public sealed class WebhookOptions : ToggleOptions
{
    /// <summary>Key of the X-D58-Signature HMAC; receivers verify with the same secret.</summary>
    public string Secret { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class SmsOptions : ToggleOptions
{
    /// <summary>The gateway's HTTP endpoint; it receives a JSON POST {"to", "text"}.</summary>
    public string? GatewayUrl { get; set; }
    public string? ApiKey { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Retries of one delivery: exponential backoff with jitter, then it is recorded as failed.</summary>
public sealed class RetryOptions
{
    public int MaxAttempts { get; set; } = 4;
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);
}
