namespace Directive58.Dashboard.Overview;

/// <summary>
/// How much trouble a place shows, for colouring the map and ranking workplaces: the last 30 days'
/// elevated reports count 1 and critical ones 3, an open hot spot adds 1/3/6 by level. Deliberately
/// simple and explainable; the detector (Alerts) decides hot spots, this only orders what to look at.
/// </summary>
public static class RiskScore
{
    public static double Of(long elevated, long critical, string? openHotSpotLevel) =>
        elevated + 3.0 * critical + openHotSpotLevel switch { "alarm" => 6, "warning" => 3, "watch" => 1, _ => 0 };

    /// <summary>The colour band of a score, named like the risk labels so the page's CSS colours both alike.</summary>
    public static string Band(double score) => score switch
    {
        <= 0 => "none",
        < 3 => "low",
        < 8 => "elevated",
        _ => "critical",
    };
}
