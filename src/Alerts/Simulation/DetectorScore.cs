namespace Directive58.Alerts.Simulation;

/// <summary>
/// Scores one detector's alarm days against the injected surges. A surge is detected when the
/// detector alarms on any of its days; the delay counts from the surge's first day. Alarms
/// outside surges are grouped as a hot spot would be (an alarm within 14 days of the previous
/// one joins the same open hot spot) and each group is one false alarm; alarms in the week after
/// a surge count as neither.
/// </summary>
public sealed record DetectorScore(string Detector, int Surges, int Detected, int FalseAlarms, double WorkplaceYears, double? MedianDelay)
{
    public const int SameHotSpotDays = 14;

    public double Sensitivity => Surges == 0 ? 0 : Detected / (double)Surges;
    public double FalseAlarmsPerWorkplaceYear => FalseAlarms / WorkplaceYears;

    public static DetectorScore Of(string detector, SimulatedYear year, Func<int, bool[]> alarmsOf, IEnumerable<Surge>? only = null)
    {
        var surges = (only ?? year.Surges).ToList();
        var byWorkplace = surges.ToDictionary(s => s.Workplace);
        var workplaces = only is null ? Enumerable.Range(0, year.Reports.Length) : surges.Select(s => s.Workplace);
        var delays = new List<int>();
        var falseAlarms = 0;
        foreach (var w in workplaces)
        {
            var alarms = alarmsOf(w);
            var surge = byWorkplace.GetValueOrDefault(w);
            if (surge is not null)
            {
                var first = Enumerable.Range(surge.Start, surge.Length).FirstOrDefault(d => alarms[d], -1);
                if (first >= 0) delays.Add(first - surge.Start);
            }
            var lastAlarm = int.MinValue;
            for (var d = SimulatedYear.WarmUp; d < year.Days; d++)
            {
                if (!alarms[d]) continue;
                var inSurge = surge is not null && d >= surge.Start && d < surge.Start + surge.Length + 7;
                if (!inSurge && d - lastAlarm > SameHotSpotDays) falseAlarms++;
                lastAlarm = d;
            }
        }
        delays.Sort();
        double? median = delays.Count == 0 ? null
            : delays.Count % 2 == 1 ? delays[delays.Count / 2] : (delays[delays.Count / 2 - 1] + delays[delays.Count / 2]) / 2.0;
        var workplaceYears = workplaces.Count() * (year.Days - SimulatedYear.WarmUp) / 365.0;
        return new DetectorScore(detector, surges.Count, delays.Count, falseAlarms, workplaceYears, median);
    }
}
