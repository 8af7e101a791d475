namespace Directive58.Alerts.Notifications;

/// <summary>What one recipient unit is told about an alert, whatever the channel.</summary>
public sealed record AlertNotice(
    string Event, Guid AlertId, Guid HotSpotId, string UnitKind, string UnitCode, string Level, string Title,
    DateTimeOffset RaisedAt, DateTimeOffset DueAt, int EscalationStep, string RecipientUnitCode, string RecipientUnitName, string? Link);

/// <summary>A person to reach for a unit, from the registry's `contacts` table (read-only).</summary>
public sealed record Contact
{
    public Guid Id { get; init; }
    public string Name { get; init; } = null!;
    public string UnitKind { get; init; } = null!;
    public string UnitCode { get; init; } = null!;
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? WebhookUrl { get; init; }
}

/// <summary>One way of reaching a contact. A channel throws when sending failed; the caller retries and records.</summary>
public interface IAlertChannel
{
    string Name { get; }
    bool Enabled { get; }
    string? AddressOf(Contact contact);
    Task SendAsync(AlertNotice notice, string address, CancellationToken ct);
}
