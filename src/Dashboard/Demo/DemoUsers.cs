using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Pages.Admin;
using Directive58.ServiceDefaults.Security;

namespace Directive58.Dashboard.Demo;

/// <summary>
/// One demo user per role for the demo province, each with a generated password printed once and
/// written to data/demo-credentials.txt like the admin's (Development only, on a fresh demo).
/// </summary>
public static class DemoUsers
{
    public static readonly (string UserName, string DisplayName, string Role, string? UnitKind, string? UnitCode)[] All =
    [
        ("ctv.bn005", "Cộng tác viên Seojin", Roles.Collaborator, "workplace", "BN-005"),
        ("cdcs.bn002", "Chủ tịch CĐCS Linh kiện Seojin", Roles.WorkplaceOfficer, "union", "cdcs-bn-002"),
        ("cd.kcn-que-vo", "Công đoàn KCN Quế Võ", Roles.UpperOfficer, "union", "cd-kcn-que-vo"),
        ("ldld.phantich", "Chuyên viên LĐLĐ tỉnh", Roles.FederationAnalyst, "union", "ldld-bac-ninh"),
        ("du.que-vo", "Đảng ủy phường Quế Võ", Roles.CommitteeOfficial, "committee", "du-p-que-vo"),
    ];

    public static async Task CreateAsync(UserAccounts accounts, IConfiguration configuration, ILogger logger, CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var (userName, displayName, role, unitKind, unitCode) in All)
        {
            var password = UsersModel.NewPassword();
            if (!await accounts.CreateAsync(userName, displayName, password, role, unitKind, unitCode, ct)) continue;
            lines.Add($"{userName} / {password}  ({role}, {unitKind}:{unitCode})");
        }
        if (lines.Count == 0) return;
        logger.LogWarning("Demo users / người dùng demo: {Users}", string.Join("; ", lines));
        Console.WriteLine("\n  Người dùng demo / demo users:\n" + string.Concat(lines.Select(l => $"    {l}\n")));
        foreach (var line in lines) ServiceDefaults.Security.DemoCredentialsFile.Append(configuration, $"user: {line}");
    }
}
