namespace Directive58.Contracts;

/// <summary>Command: a person acknowledges an alert (sent by the dashboard, handled by Alerts).</summary>
public sealed record AcknowledgeAlert(Guid AlertId, string By, DateTimeOffset At);
