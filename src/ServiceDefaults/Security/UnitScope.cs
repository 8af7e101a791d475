using System.Data.Common;
using System.Security.Claims;
using Dapper;

namespace Directive58.ServiceDefaults.Security;

/// <summary>
/// Which workplaces a signed-in user may see: those under their unit. A union sees the workplaces
/// of its own and every descendant union, plus firms without a union in the zone or commune it
/// covers; a commune committee sees its commune; the province level and API keys see everything.
/// A signed-in user with a unit-bound role but no unit sees nothing (closed by default). An
/// industrial zone's own hot spots and alerts (stored under the zone's code) are visible to whoever
/// sees every workplace of that zone.
/// </summary>
public static class UnitScope
{
    /// <summary>The visible workplace codes, or null when the user sees the whole province.</summary>
    public static async Task<IReadOnlySet<string>?> WorkplacesAsync(DbConnection connection, ClaimsPrincipal user)
    {
        var unit = user.FindFirst(Policies.UnitClaim)?.Value;
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.FederationAnalyst)) return null;
        if (unit is null) return Roles.All.Any(user.IsInRole) ? new HashSet<string>() : null; // a person without a unit, or an API key
        var (kind, code) = (unit[..unit.IndexOf(':')], unit[(unit.IndexOf(':') + 1)..]);
        if (kind == "union" && await IsProvinceUnionAsync(connection, code)) return null;
        IEnumerable<string> codes = kind switch
        {
            "union" => await connection.QueryAsync<string>(
                """
                with recursive below(code) as (
                    select code from unions where code = @code
                    union all select u.code from unions u join below b on u.parent_code = b.code)
                select w.code from workplaces w where w.union_code in (select code from below)
                union
                select w.code from workplaces w join unions u on u.code = @code
                where w.union_code is null and ((u.zone_code is not null and w.zone_code = u.zone_code) or (u.commune_code is not null and w.commune_code = u.commune_code))
                """, new { code }),
            "committee" => await connection.QueryAsync<string>(
                """
                select w.code from workplaces w join committees c on c.code = @code
                where c.level = 'province' and w.province_code = c.province_code or c.level = 'commune' and w.commune_code = c.commune_code
                """, new { code }),
            "workplace" => [code],
            _ => [],
        };
        return codes.ToHashSet();
    }

    /// <summary>The industrial zones all of whose workplaces are among <paramref name="workplaces"/>.</summary>
    public static async Task<IReadOnlySet<string>> ZonesAsync(DbConnection connection, IReadOnlySet<string> workplaces)
    {
        if (workplaces.Count == 0) return new HashSet<string>();
        var members = await connection.QueryAsync<(string Zone, string Workplace)>("select zone_code, code from workplaces where zone_code is not null");
        return members.GroupBy(m => m.Zone).Where(z => z.All(m => workplaces.Contains(m.Workplace))).Select(z => z.Key).ToHashSet();
    }

    private static async Task<bool> IsProvinceUnionAsync(DbConnection connection, string code) =>
        await connection.ExecuteScalarAsync<string?>("select level from unions where code = @code", new { code }) == "province";
}
