namespace Directive58.Alerts.Alerting;

/// <summary>`Alerts:*`: escalation deadlines per level (issue 4 defaults) and rule thresholds.</summary>
public sealed class AlertsOptions
{
    public EscalationDeadlines Escalation { get; set; } = new();
    public TimeSpan ElevatedWindow { get; set; } = TimeSpan.FromDays(7);
    public int ElevatedMinReporters { get; set; } = 2;

    public TimeSpan DeadlineFor(string level) => level switch
    {
        "alarm" => Escalation.Alarm,
        "warning" => Escalation.Warning,
        _ => Escalation.Watch,
    };
}

public sealed class EscalationDeadlines
{
    public TimeSpan Watch { get; set; } = TimeSpan.FromHours(72);
    public TimeSpan Warning { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan Alarm { get; set; } = TimeSpan.FromHours(2);
}
