using System.Globalization;

namespace Directive58.Alerts.Detection;

/// <summary>
/// `ears --method C1|C2|C3 [--baseline 7] [--alpha A] [--min-sigma S]`: the detector on a plain
/// `date,count` series read from stdin, one line per consecutive day (issue 4). Writes
/// `date,count,upperbound,alarm` for every day with a full baseline.
/// Exit codes: 0 done, 1 bad input line, 2 bad usage.
/// </summary>
public static class EarsCommand
{
    public const string Usage =
        "usage: ears --method C1|C2|C3 [--baseline 7] [--alpha A] [--min-sigma S] < series.csv\n" +
        "  stdin: date,count lines (yyyy-MM-dd, consecutive days; optional header 'date,count')\n" +
        "  stdout: date,count,upperbound,alarm for every day with a full baseline\n" +
        "  defaults: alpha 0.001 (C1, C2) or 0.025 (C3); min-sigma 0.5";

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (!TryParseOptions(args, out var options, out var problem))
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var series = await DailySeriesReader.ReadAsync(input);
        if (series.Error is { } lineError)
        {
            await error.WriteLineAsync(lineError);
            return 1;
        }

        var results = Ears.Run(series.Counts, options);
        if (results.Count == 0)
            await error.WriteLineAsync(
                $"no day has a full baseline: {options.Method} needs at least {options.FirstMonitoredIndex + 1} days, got {series.Counts.Count}.");

        await output.WriteLineAsync("date,count,upperbound,alarm");
        foreach (var day in results)
        {
            var date = series.Dates[day.Index].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var count = day.Count.ToString("R", CultureInfo.InvariantCulture);
            var upperBound = day.UpperBound.ToString("F6", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"{date},{count},{upperBound},{(day.Alarm ? 1 : 0)}");
        }
        return 0;
    }

    private static bool TryParseOptions(string[] args, out EarsOptions options, out string problem)
    {
        options = new EarsOptions(EarsMethod.C1);
        problem = "";
        EarsMethod? method = null;
        int baseline = 7;
        double? alpha = null;
        var minSigma = EarsOptions.DefaultMinSigma;

        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is not ("--method" or "--baseline" or "--alpha" or "--min-sigma"))
                return Fail($"unknown option '{name}'.", out problem);
            if (i + 1 >= args.Length)
                return Fail($"{name} needs a value.", out problem);
            var value = args[++i];
            var ok = name switch
            {
                "--method" => TryParseMethod(value, out method),
                "--baseline" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out baseline),
                "--alpha" => TryParseDouble(value, out alpha),
                _ => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out minSigma),
            };
            if (!ok)
                return Fail($"{name}: '{value}' is not a valid value.", out problem);
        }
        if (method is null)
            return Fail("--method is required.", out problem);

        options = new EarsOptions(method.Value, baseline, alpha, minSigma);
        try
        {
            options.Validate();
            return true;
        }
        catch (ArgumentOutOfRangeException e)
        {
            return Fail(e.Message.Split(" (Parameter")[0], out problem);
        }
    }

    private static bool TryParseMethod(string value, out EarsMethod? method)
    {
        method = value.ToUpperInvariant() switch { "C1" => EarsMethod.C1, "C2" => EarsMethod.C2, "C3" => EarsMethod.C3, _ => null };
        return method is not null;
    }

    private static bool TryParseDouble(string value, out double? result)
    {
        var ok = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed);
        result = ok ? parsed : null;
        return ok;
    }

    private static bool Fail(string message, out string problem)
    {
        problem = "ears: " + message;
        return false;
    }
}
