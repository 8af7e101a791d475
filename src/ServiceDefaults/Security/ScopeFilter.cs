using System.Data.Common;
using System.Security.Claims;
using Dapper;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.ServiceDefaults.Security;

/// <summary>
/// The user's unit scope as a piece of SQL: `scope.On("r.workplace_code")` in a where clause with
/// `codes = scope.Codes` among the parameters. Null codes mean the whole province. The codes are the
/// visible workplaces and the zones all of whose workplaces are visible (a zone's hot spots and alerts
/// carry the zone's code where a workplace's carry the workplace's). On PostgreSQL, Dapper passes a
/// list as one array parameter instead of expanding `in @codes`, hence `= any(...)`.
/// </summary>
public sealed record ScopeFilter(IReadOnlySet<string>? Visible, IReadOnlySet<string> Zones, bool IsPostgres)
{
    public static async Task<ScopeFilter> ForAsync(DbConnection connection, ClaimsPrincipal user)
    {
        var visible = await UnitScope.WorkplacesAsync(connection, user);
        var zones = visible is null ? new HashSet<string>() : await UnitScope.ZonesAsync(connection, visible);
        return new ScopeFilter(visible, zones, connection is Npgsql.NpgsqlConnection);
    }

    /// <summary>The scope on a connection of its own, for a caller that holds none.</summary>
    public static async Task<ScopeFilter> ForAsync(Database database, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await ForAsync(connection, user);
    }

    /// <summary>
    /// Whether the user may see the row whose workplace (or zone) code <paramref name="workplaceCodeSql"/>
    /// selects; false when there is no such row. For actions, so that another unit's alert, hot spot or
    /// report answers 404 like one that does not exist.
    /// </summary>
    public static async Task<bool> SeesAsync(Database database, ClaimsPrincipal user, string workplaceCodeSql, object args, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var code = await connection.ExecuteScalarAsync<string?>(workplaceCodeSql, args);
        return (await ForAsync(connection, user)).Sees(code);
    }

    public bool Everything => Visible is null;

    public string On(string column) => Visible is null ? "1 = 1" : IsPostgres ? $"{column} = any(@codes)" : $"{column} in @codes";

    public string[] Codes => Visible is null ? [] : [.. Visible, .. Zones];

    public bool Sees(string? code) => code is not null && (Visible is null || Visible.Contains(code) || Zones.Contains(code));
}
