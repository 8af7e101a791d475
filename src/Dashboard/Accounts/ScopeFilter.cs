using System.Data.Common;
using System.Security.Claims;

namespace Directive58.Dashboard.Accounts;

/// <summary>
/// The user's unit scope as a piece of SQL: `scope.On("r.workplace_code")` in a where clause with
/// `codes = scope.Codes` among the parameters. Null codes mean the whole province.
/// </summary>
public sealed record ScopeFilter(IReadOnlySet<string>? Visible)
{
    public static async Task<ScopeFilter> ForAsync(DbConnection connection, ClaimsPrincipal user) =>
        new(await UnitScope.WorkplacesAsync(connection, user));

    public bool Everything => Visible is null;

    public string On(string column) => Visible is null ? "1 = 1" : $"{column} in @codes";

    public IEnumerable<string> Codes => Visible ?? (IEnumerable<string>)[];

    public bool Sees(string? workplaceCode) => workplaceCode is not null && Visible?.Contains(workplaceCode) != false;
}
