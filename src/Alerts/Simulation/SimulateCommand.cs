using System.Globalization;
using Directive58.Alerts.Detection;

namespace Directive58.Alerts.Simulation;

/// <summary>
/// `simulate [--workplaces 300] [--seed 58] [--rule-reporters 2] [--rule-window 3]`: a simulated
/// year (see <see cref="SimulatedYear"/>) scored for the rules, C1, C2, C3 and the combination the
/// service runs; prints a Markdown table for bench/README.md.
/// </summary>
public static class SimulateCommand
{
    public static int Run(string[] args, TextWriter output)
    {
        int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
        var (workplaces, seed) = (Arg("--workplaces", 300), Arg("--seed", 58));
        var year = new SimulatedYear(workplaces, 365, seed);
        var detectors = new SimulatedDetectors(year, new DailyDetectionOptions(), Arg("--rule-reporters", 2), Arg("--rule-window", 3));
        var scores = new[]
        {
            DetectorScore.Of($"rules (critical; elevated from ≥{Arg("--rule-reporters", 2)} reporters in {Arg("--rule-window", 3)} days)", year, detectors.Rules),
            DetectorScore.Of("EARS C1", year, w => detectors.Ears(w, EarsMethod.C1)),
            DetectorScore.Of("EARS C2", year, w => detectors.Ears(w, EarsMethod.C2)),
            DetectorScore.Of("EARS C3", year, w => detectors.Ears(w, EarsMethod.C3)),
            DetectorScore.Of("EARS verdict (C2 or C3, see EarsVerdict)", year, detectors.Verdict),
            DetectorScore.Of("combined (rules + EARS verdict)", year, detectors.Combined),
        };
        output.WriteLine($"{workplaces} workplaces × 365 days, seed {seed}, {year.Surges.Count} injected surges, {year.Reports.Sum(r => r.Count)} alertable reports");
        output.WriteLine();
        output.WriteLine("| detector | sensitivity | false alarms / workplace-year | median days to detection |");
        output.WriteLine("|---|---|---|---|");
        foreach (var s in scores) output.WriteLine(Row(s.Detector, s));
        output.WriteLine();
        output.WriteLine("Combined detector by surge size and speed:");
        output.WriteLine();
        output.WriteLine("| surge | sensitivity | median days to detection |");
        output.WriteLine("|---|---|---|");
        foreach (var group in year.Surges.GroupBy(s => (s.Size, s.Speed)))
        {
            var s = DetectorScore.Of("", year, detectors.Combined, group);
            output.WriteLine(FormattableString.Invariant($"| {group.Key.Size}, {group.Key.Speed} | {s.Detected}/{s.Surges} | {s.MedianDelay?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–"} |"));
        }
        return 0;
    }

    private static string Row(string name, DetectorScore s) => FormattableString.Invariant(
        $"| {name} | {s.Sensitivity:P1} ({s.Detected}/{s.Surges}) | {s.FalseAlarmsPerWorkplaceYear:0.00} | {s.MedianDelay?.ToString("0.#", CultureInfo.InvariantCulture) ?? "–"} |");
}
