namespace Directive58.Alerts.Cases;

/// <summary>How a person closed a hot spot. Kept with the hot spot so the detector's precision can be measured per reason.</summary>
public static class CaseOutcomes
{
    public static readonly IReadOnlyDictionary<string, string> NamesVi = new Dictionary<string, string>
    {
        ["settled_by_dialogue"] = "Giải quyết qua đối thoại",
        ["arrears_paid"] = "Đã trả nợ lương, BHXH",
        ["referred_to_inspectors"] = "Chuyển thanh tra lao động",
        ["unfounded"] = "Không có cơ sở",
        ["other"] = "Khác",
    };

    public static bool IsKnown(string? outcome) => outcome is not null && NamesVi.ContainsKey(outcome);
}

public enum CaseStatus { Done, NotFound, Invalid, Conflict }

/// <summary>What a case action did; <see cref="Changed"/> is published when the hot spot's status changed.</summary>
public sealed record CaseResult(CaseStatus Status, string? Problem = null, Contracts.HotSpotChanged? Changed = null)
{
    public static readonly CaseResult Done = new(CaseStatus.Done);
    public static readonly CaseResult NotFound = new(CaseStatus.NotFound, "Không tìm thấy điểm nóng / Hot spot not found");
}
