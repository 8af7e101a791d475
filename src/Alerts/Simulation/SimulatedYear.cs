namespace Directive58.Alerts.Simulation;

/// <summary>One alertable (elevated or critical) report in the simulation: the day index, who sent it, whether critical.</summary>
public readonly record struct SimReport(int Day, int Reporter, bool Critical);

/// <summary>An injected surge: which workplace, from which day, how big (extra reports a day at full strength) and how fast it builds.</summary>
public sealed record Surge(int Workplace, int Start, int Length, string Size, double PerDay, string Speed, int RampDays);

/// <summary>
/// A year of background reports for many workplaces, with injected surges (bench/detection).
/// Background: each workplace has 2–6 collaborators and a base rate of alertable reports drawn
/// log-normally around 0.03 a day (≈ one a month; busy workplaces several times more); the rate
/// rises ×1.6 on paydays (5th–10th, when late wages surface) and ×2 in the Tết season (four weeks
/// before to a week after, bonuses and year-end pay); 1 % of background alertable reports are
/// (mis)classified critical. Surges last 14 days, add 0.7, 1.5 or 3 reports a day at full
/// strength, reached at once, over 3 days or over 10 days, from the collaborators and up to four
/// more workers; 2 %, 5 % or 10 % of them critical. Seeded: the same seed gives the same year.
/// </summary>
public sealed class SimulatedYear
{
    public const int WarmUp = 21;

    public SimulatedYear(int workplaces, int days, int seed)
    {
        var random = new Random(seed);
        Days = WarmUp + days;
        First = new DateOnly(2025, 1, 1).AddDays(-WarmUp);
        Reports = new List<SimReport>[workplaces];
        var tet = new DateOnly(2025, 1, 29);
        (string Name, double PerDay, double Critical)[] sizes = [("small", 0.7, 0.02), ("medium", 1.5, 0.05), ("large", 3.0, 0.10)];
        (string Name, int Ramp)[] speeds = [("sudden", 0), ("fast", 3), ("slow", 10)];
        for (var w = 0; w < workplaces; w++)
        {
            var collaborators = random.Next(2, 7);
            var rate = Math.Clamp(Math.Exp(Math.Log(0.03) + 0.6 * Gaussian(random)), 0.005, 0.15);
            var reports = Reports[w] = [];
            for (var d = 0; d < Days; d++)
            {
                var date = First.AddDays(d);
                var factor = (date.Day is >= 5 and <= 10 ? 1.6 : 1) * (date >= tet.AddDays(-28) && date <= tet.AddDays(7) ? 2 : 1);
                for (var n = Poisson(random, rate * factor); n > 0; n--)
                    reports.Add(new SimReport(d, random.Next(collaborators), random.NextDouble() < 0.01));
            }
            if (w % 2 != 0) continue;
            var (size, perDay, critical) = sizes[w / 2 % 3];
            var (speed, ramp) = speeds[w / 6 % 3];
            var surge = new Surge(w, random.Next(WarmUp + 14, Days - 20), 14, size, perDay, speed, ramp);
            Surges.Add(surge);
            for (var d = surge.Start; d < surge.Start + surge.Length; d++)
            {
                var strength = ramp == 0 ? 1 : Math.Min(1, (d - surge.Start + 1) / (double)ramp);
                for (var n = Poisson(random, perDay * strength); n > 0; n--)
                    reports.Add(new SimReport(d, random.Next(collaborators + 4), random.NextDouble() < critical));
            }
        }
    }

    public int Days { get; }
    public DateOnly First { get; }
    public List<SimReport>[] Reports { get; }
    public List<Surge> Surges { get; } = [];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) k++;
        return k;
    }
}
