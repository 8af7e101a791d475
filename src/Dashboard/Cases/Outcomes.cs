namespace Directive58.Dashboard.Cases;

/// <summary>How a hot spot ended (issue 4): kept so the detector's precision can be measured later.</summary>
public static class Outcomes
{
    public static readonly IReadOnlyList<(string Id, string Vi, string En)> All =
    [
        ("settled_by_dialogue", "Giải quyết qua đối thoại", "Settled by dialogue"),
        ("arrears_paid", "Đã trả nợ lương/BHXH", "Arrears paid"),
        ("referred_to_inspectors", "Chuyển thanh tra lao động", "Referred to labour inspectors"),
        ("employer_commitment", "Doanh nghiệp cam kết khắc phục", "Employer committed to remedy"),
        ("unfounded", "Không có cơ sở", "Unfounded"),
        ("other", "Khác", "Other"),
    ];

    public static bool IsKnown(string? outcome) => All.Any(o => o.Id == outcome);
}
