using Directive58.Alerts.Detection;
using Directive58.Alerts.Notifications;

namespace Directive58.Alerts.Alerting;

/// <summary>`Alerts:*`: escalation deadlines per level (issue 4 defaults), rule thresholds, the daily detector, channels.</summary>
public sealed class AlertsOptions
{
    public EscalationDeadlines Escalation { get; set; } = new();
    /// <summary>
    /// Elevated reports from <see cref="ElevatedMinReporters"/> different reporters within this window open a warning.
    /// 3 days, not 7: with two reporters in 7 days a busy workplace's ordinary background opens about 1.5 false
    /// hot spots a year; in 3 days about 0.8, with the same sensitivity (bench/README.md, Detection).
    /// </summary>
    public TimeSpan ElevatedWindow { get; set; } = TimeSpan.FromDays(3);
    public int ElevatedMinReporters { get; set; } = 2;
    public DailyDetectionOptions Detection { get; set; } = new();
    public ChannelOptions Channels { get; set; } = new();

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

    /// <summary>How often the due-alert sweep looks for passed deadlines; an escalation is late by at most this.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
