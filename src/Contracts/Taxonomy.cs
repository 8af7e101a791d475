namespace Directive58.Contracts;

/// <summary>The label ids of ../shared/taxonomy.md: the contract between classifier, alerts, dashboard and evaluation files.</summary>
public static class Taxonomy
{
    public static readonly IReadOnlyList<string> Topics =
        ["wages", "social_insurance", "working_time", "safety_health", "employment", "management_conduct", "living_conditions", "union_relations", "none"];

    public static readonly IReadOnlyList<string> Risks = ["none", "low", "elevated", "critical"];

    public static bool IsAlertable(string risk) => risk is "elevated" or "critical";
}
