using Directive58.Alerts.Detection;

namespace Directive58.Alerts.Tests.Detection;

public class SurgeRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.FromHours(7));

    private static WorkplaceReport Report(double daysAgo, string risk, string? reporter) =>
        new(Now.AddDays(-daysAgo), risk, reporter);

    [Fact]
    public void A_single_critical_report_opens_a_surge_at_once()
    {
        var critical = Report(0, "critical", "w1");

        var decision = SurgeRules.Decide([Report(1, "low", "w2"), critical], Now);

        Assert.True(decision.Open);
        Assert.Equal(SurgeTrigger.CriticalReport, decision.Trigger);
        Assert.Equal([critical], decision.Evidence);
    }

    [Fact]
    public void Elevated_reports_from_two_reporters_within_seven_days_open_a_surge()
    {
        var decision = SurgeRules.Decide([Report(6.5, "elevated", "w1"), Report(0.1, "elevated", "w2")], Now);

        Assert.Equal(SurgeTrigger.ElevatedFromSeveralReporters, decision.Trigger);
        Assert.Equal(2, decision.Evidence.Count);
    }

    [Fact]
    public void Many_elevated_reports_from_one_reporter_do_not_open_a_surge()
    {
        var decision = SurgeRules.Decide(
            [Report(3, "elevated", "w1"), Report(2, "elevated", "w1"), Report(1, "elevated", "w1")], Now);

        Assert.False(decision.Open);
        Assert.Empty(decision.Evidence);
    }

    [Fact]
    public void Anonymous_reports_count_as_one_reporter_between_them()
    {
        var anonymousOnly = SurgeRules.Decide([Report(2, "elevated", null), Report(1, "elevated", null)], Now);
        var anonymousAndNamed = SurgeRules.Decide([Report(2, "elevated", null), Report(1, "elevated", "w1")], Now);

        Assert.False(anonymousOnly.Open);
        Assert.True(anonymousAndNamed.Open);
    }

    [Fact]
    public void Reports_outside_the_window_do_not_count()
    {
        WorkplaceReport[] reports = [Report(8, "elevated", "w1"), Report(1, "elevated", "w2"), Report(7, "critical", "w3")];

        Assert.False(SurgeRules.Decide(reports, Now).Open); // exactly 7 days ago is outside (now − 7d, now]
        Assert.Equal(SurgeTrigger.CriticalReport, SurgeRules.Decide(reports, Now, TimeSpan.FromDays(10)).Trigger);
    }

    [Fact]
    public void The_window_and_the_number_of_reporters_are_configurable()
    {
        WorkplaceReport[] reports = [Report(2, "elevated", "w1"), Report(1, "elevated", "w2")];

        Assert.False(SurgeRules.Decide(reports, Now, TimeSpan.FromDays(1.5)).Open);
        Assert.False(SurgeRules.Decide(reports, Now, minReporters: 3).Open);
        Assert.True(SurgeRules.Decide([.. reports, Report(0, "elevated", "w3")], Now, minReporters: 3).Open);
    }

    [Fact]
    public void Low_and_none_risk_reports_never_open_a_surge() =>
        Assert.False(SurgeRules.Decide([Report(1, "low", "w1"), Report(1, "none", "w2"), Report(0, "low", "w3")], Now).Open);
}
