using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>One user per role in the demo province, each in a unit whose workplaces the tests know.</summary>
public static class RoleUsers
{
    public const string Password = "Mat-khau-vai-tro-58";

    /// <summary>User name → (role, unit kind, unit code). The admin is the bootstrap administrator (no unit).</summary>
    public static readonly IReadOnlyDictionary<string, (string Role, string? Kind, string? Code)> All = new Dictionary<string, (string, string?, string?)>
    {
        ["ctv"] = (Roles.Collaborator, "workplace", "BN-005"),
        ["cdcs"] = (Roles.WorkplaceOfficer, "union", "cdcs-bn-002"),
        ["kcn"] = (Roles.UpperOfficer, "union", "cd-kcn-que-vo"),
        ["ldld"] = (Roles.FederationAnalyst, "union", "ldld-bac-ninh"),
        ["capuy"] = (Roles.CommitteeOfficial, "committee", "du-p-que-vo"),
        ["quantri"] = (Roles.Administrator, null, null),
    };

    public static async Task CreateAsync<T>(ServiceApp<T> app) where T : class
    {
        var accounts = app.Services.GetRequiredService<UserAccounts>();
        foreach (var (name, (role, kind, code)) in All)
            await accounts.UpsertAsync(name, name, Password, role, kind, code);
    }

    public static Task<HttpClient> SignInAsync<T>(ServiceApp<T> app, string userName) where T : class => SignIn.AsAsync(app, userName, Password);
}
