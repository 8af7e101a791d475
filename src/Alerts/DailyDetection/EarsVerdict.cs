using Directive58.Contracts;

namespace Directive58.Alerts.DailyDetection;

/// <summary>
/// How the three EARS answers for one unit and day become a hot-spot level. PLACEHOLDER until bench.
/// </summary>
public static class EarsVerdict
{
    public sealed record Verdict(string Level, string Reason);

    public static Verdict? Decide(bool c1, bool c2, bool c3)
    {
        if (c2 && (c1 || c3)) return new Verdict(HotSpotLevel.Warning, c3 ? "ears-c2-c3" : "ears-c1-c2");
        if (c2) return new Verdict(HotSpotLevel.Watch, "ears-c2");
        if (c3) return new Verdict(HotSpotLevel.Watch, "ears-c3");
        return null;
    }
}
