using System.Data.Common;
using System.Security.Claims;

namespace Directive58.ServiceDefaults.Security;

/// <summary>
/// The user's unit scope as a piece of SQL: `scope.On("r.workplace_code")` in a where clause with
/// `codes = scope.Codes` among the parameters. Null codes mean the whole province. On PostgreSQL,
/// Dapper passes a list as one array parameter instead of expanding `in @codes`, hence `= any(...)`.
/// </summary>
public sealed record ScopeFilter(IReadOnlySet<string>? Visible, bool IsPostgres)
{
    public static async Task<ScopeFilter> ForAsync(DbConnection connection, ClaimsPrincipal user) =>
        new(await UnitScope.WorkplacesAsync(connection, user), connection is Npgsql.NpgsqlConnection);

    public bool Everything => Visible is null;

    public string On(string column) => Visible is null ? "1 = 1" : IsPostgres ? $"{column} = any(@codes)" : $"{column} in @codes";

    public string[] Codes => Visible?.ToArray() ?? [];

    public bool Sees(string? workplaceCode) => workplaceCode is not null && Visible?.Contains(workplaceCode) != false;
}
