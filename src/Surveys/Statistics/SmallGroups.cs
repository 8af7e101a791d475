namespace Directive58.Surveys.Statistics;

/// <summary>
/// The anonymity rule: nothing is shown about a group of fewer than five respondents, and no two
/// overlapping groups may differ by fewer than five. Aggregates therefore count only units (and,
/// per question, only unit answers) that are themselves large enough, so the difference between a
/// zone and any workplace in it, or a province and a zone, is a sum of groups of five or more.
/// Within one group's distribution, counts of one to four are withheld, with further cells withheld
/// until the withheld total cannot be worked out by subtraction and is zero or at least five.
/// </summary>
public static class SmallGroups
{
    public const int Minimum = 5;

    public static bool CanShow(int respondents) => respondents >= Minimum;

    public static int?[] SuppressCells(IReadOnlyList<int> counts)
    {
        var shown = counts.Select(c => (int?)c).ToArray();
        for (var i = 0; i < shown.Length; i++)
            if (counts[i] is > 0 and < Minimum) shown[i] = null;
        while (true)
        {
            var hidden = Enumerable.Range(0, shown.Length).Where(i => shown[i] is null).ToList();
            var hiddenTotal = hidden.Sum(i => counts[i]);
            // One hidden cell is exactly total minus the others; several hidden ones summing to 1–4 are a small group.
            if (hidden.Count == 0 || hidden.Count > 1 && hiddenTotal >= Minimum) return shown;
            var next = Enumerable.Range(0, shown.Length).Where(i => shown[i] is > 0).OrderBy(i => counts[i]).Cast<int?>().FirstOrDefault();
            if (next is null) return shown;
            shown[next.Value] = null;
        }
    }
}
