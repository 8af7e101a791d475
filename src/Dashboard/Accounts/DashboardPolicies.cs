using Directive58.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;

namespace Directive58.Dashboard.Accounts;

/// <summary>
/// Who may open which area of the dashboard. Collaborators submit and follow their own reports;
/// officers of every kind see their unit's risk picture; analysts also run the model; administrators
/// everything. Data inside each page is further limited to the user's unit (UnitScope).
/// </summary>
public static class DashboardPolicies
{
    public const string Member = "dashboard-member";
    public const string Officer = "dashboard-officer";
    public const string Analyst = "dashboard-analyst";

    public static readonly string[] Analysts = [Roles.FederationAnalyst, Roles.Administrator];
    /// <summary>Those who may correct a report's labels: the unions' officers, not the committees.</summary>
    public static readonly string[] Relabellers = [Roles.WorkplaceOfficer, Roles.UpperOfficer, Roles.FederationAnalyst, Roles.Administrator];

    public static AuthorizationBuilder AddDashboardPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Member, p => p.RequireRole(Roles.All))
        .AddPolicy(Officer, p => p.RequireRole(Roles.Officers))
        .AddPolicy(Analyst, p => p.RequireRole(Analysts));
}
