namespace Directive58.Contracts;

/// <summary>The label ids of ../shared/taxonomy.md: the contract between classifier, alerts, dashboard and evaluation files.</summary>
public static class Taxonomy
{
    public static readonly IReadOnlyList<string> Topics =
        ["wages", "social_insurance", "working_time", "safety_health", "employment", "management_conduct", "living_conditions", "union_relations", "none"];

    public static readonly IReadOnlyList<string> Risks = ["none", "low", "elevated", "critical"];

    /// <summary>Vietnamese names of the topics, as taxonomy.md gives them.</summary>
    public static readonly IReadOnlyDictionary<string, string> TopicNamesVi = new Dictionary<string, string>
    {
        ["wages"] = "Tiền lương, thưởng", ["social_insurance"] = "Bảo hiểm xã hội", ["working_time"] = "Thời giờ làm việc",
        ["safety_health"] = "An toàn, vệ sinh lao động", ["employment"] = "Việc làm, hợp đồng", ["management_conduct"] = "Ứng xử của quản lý",
        ["living_conditions"] = "Đời sống, nhà ở", ["union_relations"] = "Công đoàn, đối thoại", ["none"] = "Không liên quan",
    };

    public static readonly IReadOnlyDictionary<string, string> RiskNamesVi = new Dictionary<string, string>
    {
        ["none"] = "Không", ["low"] = "Thấp", ["elevated"] = "Cao", ["critical"] = "Nghiêm trọng",
    };

    public static bool IsAlertable(string risk) => risk is "elevated" or "critical";
}
