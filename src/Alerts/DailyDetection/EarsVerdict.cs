using Directive58.Contracts;

namespace Directive58.Alerts.DailyDetection;

/// <summary>
/// How the three EARS answers for one unit and day become a hot-spot level.
/// <list type="bullet">
/// <item>C2 is the one that opens: its 2-day guard band keeps a surge that builds over a few days
/// out of its own baseline, so it still fires on day 3 of a slow rise where C1 has already absorbed
/// the rise into its mean.</item>
/// <item>C3 also opens: it fires on the day after two C2 exceedances, i.e. on trouble that persists
/// even when no single day is extreme — the slow-building case the issue asks to see without any
/// critical report.</item>
/// <item>Agreement raises the level: C2 with C1 (today is out of line with both the last week and
/// the guarded baseline) or C2 with C3 (a jump on top of a sustained rise) is a `warning`; one method
/// alone is a `watch`.</item>
/// <item>C1 alone opens nothing: on sparse counts it fires on the same days as C2 (bench/detection:
/// identical sensitivity and false alarms), and what it adds is the next day of a jump, which the
/// open hot spot already covers.</item>
/// </list>
/// EARS never opens an `alarm`: that level means a critical report, which the report rules handle
/// as it arrives. Measured in bench/README.md (section Detection).
/// </summary>
public static class EarsVerdict
{
    public sealed record Verdict(string Level, string Reason);

    public static Verdict? Decide(bool c1, bool c2, bool c3) => (c1, c2, c3) switch
    {
        (_, true, true) => new Verdict(HotSpotLevel.Warning, "ears-c2-c3"),
        (true, true, false) => new Verdict(HotSpotLevel.Warning, "ears-c1-c2"),
        (false, true, false) => new Verdict(HotSpotLevel.Watch, "ears-c2"),
        (_, false, true) => new Verdict(HotSpotLevel.Watch, "ears-c3"),
        _ => null,
    };
}
