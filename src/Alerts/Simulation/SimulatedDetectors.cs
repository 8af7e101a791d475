using Directive58.Alerts.DailyDetection;
using Directive58.Alerts.Detection;

namespace Directive58.Alerts.Simulation;

/// <summary>The production detectors run on a simulated workplace: the report rules, EARS C1/C2/C3 on the weighted series, and their combination.</summary>
public sealed class SimulatedDetectors(SimulatedYear year, DailyDetectionOptions options, int ruleMinReporters = 2, int ruleWindowDays = 7)
{
    public bool[] Rules(int w)
    {
        var alarms = new bool[year.Days];
        var reports = year.Reports[w];
        foreach (var day in reports.Select(r => r.Day).Distinct())
        {
            var window = reports.Where(r => r.Day > day - ruleWindowDays && r.Day <= day).ToList();
            alarms[day] = window.Any(r => r.Critical && r.Day == day) || window.Select(r => r.Reporter).Distinct().Count() >= ruleMinReporters;
        }
        return alarms;
    }

    public bool[] Ears(int w, EarsMethod method)
    {
        var alarms = new bool[year.Days];
        foreach (var day in Detection.Ears.Run(Series(w), new EarsOptions(method, options.Baseline, null, options.MinSigma)))
            alarms[day.Index] = day.Alarm;
        return alarms;
    }

    public bool[] Verdict(int w)
    {
        var (c1, c2, c3) = (Ears(w, EarsMethod.C1), Ears(w, EarsMethod.C2), Ears(w, EarsMethod.C3));
        return Enumerable.Range(0, year.Days).Select(d => EarsVerdict.Decide(c1[d], c2[d], c3[d]) is not null).ToArray();
    }

    /// <summary>What the service does: a report rule fires, or the daily EARS verdict opens a hot spot.</summary>
    public bool[] Combined(int w)
    {
        var (rules, c1, c2, c3) = (Rules(w), Ears(w, EarsMethod.C1), Ears(w, EarsMethod.C2), Ears(w, EarsMethod.C3));
        return Enumerable.Range(0, year.Days).Select(d => rules[d] || EarsVerdict.Decide(c1[d], c2[d], c3[d]) is not null).ToArray();
    }

    private IReadOnlyList<double> Series(int w)
    {
        var reports = year.Reports[w].Select(r => new WorkplaceReport(
            new DateTimeOffset(year.First.AddDays(r.Day).ToDateTime(new TimeOnly(12, 0)), DailyAlertCounts.VietnamOffset),
            r.Critical ? "critical" : "elevated", "r" + r.Reporter));
        return DailyAlertCounts.Compute(reports, year.First, year.First.AddDays(year.Days - 1), options.RepeatWeight);
    }
}
