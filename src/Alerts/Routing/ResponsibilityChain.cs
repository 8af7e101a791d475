using System.Data.Common;
using Dapper;

namespace Directive58.Alerts.Routing;

/// <summary>A unit that can receive alerts: a union or a committee.</summary>
public sealed record ResponsibleUnit(string Kind, string Code, string Name);

/// <summary>
/// Who is responsible for a workplace, from the bottom up: its grassroots union (if it has one),
/// the union directly above (its parent, or the zone/commune union when the firm has no union),
/// the provincial federation, then the provincial committee. Read from the registry's tables.
/// </summary>
public static class ResponsibilityChain
{
    public sealed record Chain(IReadOnlyList<ResponsibleUnit> Steps, ResponsibleUnit? CommuneCommittee, ResponsibleUnit? Federation);

    private sealed record Place
    {
        public string? UnionCode { get; init; }
        public string? ZoneCode { get; init; }
        public string? CommuneCode { get; init; }
        public string ProvinceCode { get; init; } = null!;
    }

    /// <summary>The chain of a hot spot's unit: a workplace, or an industrial zone (its zone union, the federation, the province committee).</summary>
    public static Task<Chain> ForUnitAsync(DbConnection connection, string unitKind, string unitCode, DbTransaction? tx = null) =>
        unitKind == UnitKinds.Zone ? ForZoneAsync(connection, unitCode, tx) : ForWorkplaceAsync(connection, unitCode, tx);

    public static async Task<Chain> ForZoneAsync(DbConnection connection, string zoneCode, DbTransaction? tx = null)
    {
        var zone = await connection.QuerySingleOrDefaultAsync<Place>(
            "select null as UnionCode, code as ZoneCode, commune_code as CommuneCode, province_code as ProvinceCode from industrial_zones where code = @zoneCode",
            new { zoneCode }, tx);
        if (zone is null) return new Chain([], null, null);
        var steps = new List<ResponsibleUnit>();
        var zoneUnion = await UnionAsync(connection, "level = 'upper' and zone_code = @zone", new { zone = zone.ZoneCode }, tx);
        if (zoneUnion is not null) steps.Add(zoneUnion.Unit);
        return await CompleteAsync(connection, steps, zone, tx);
    }

    public static async Task<Chain> ForWorkplaceAsync(DbConnection connection, string workplaceCode, DbTransaction? tx = null)
    {
        var place = await connection.QuerySingleOrDefaultAsync<Place>(
            "select union_code as UnionCode, zone_code as ZoneCode, commune_code as CommuneCode, province_code as ProvinceCode from workplaces where code = @workplaceCode",
            new { workplaceCode }, tx);
        if (place is null) return new Chain([], null, null);

        var steps = new List<ResponsibleUnit>();
        var grassroots = place.UnionCode is null ? null : await UnionAsync(connection, "code = @code", new { code = place.UnionCode }, tx);
        if (grassroots is not null) steps.Add(grassroots.Unit);
        var upper = grassroots?.Parent is { } parent
            ? await UnionAsync(connection, "code = @code", new { code = parent }, tx)
            : await UnionAsync(connection, "level = 'upper' and ((@zone is not null and zone_code = @zone) or (@zone is null and commune_code = @commune))",
                new { zone = place.ZoneCode, commune = place.CommuneCode }, tx);
        if (upper is not null && upper.Unit.Code != grassroots?.Unit.Code) steps.Add(upper.Unit);
        return await CompleteAsync(connection, steps, place, tx);
    }

    private static async Task<Chain> CompleteAsync(DbConnection connection, List<ResponsibleUnit> steps, Place place, DbTransaction? tx)
    {
        var federation = await UnionAsync(connection, "level = 'province' and province_code = @province", new { province = place.ProvinceCode }, tx);
        if (federation is not null && steps.All(s => s.Code != federation.Unit.Code)) steps.Add(federation.Unit);
        var provinceCommittee = await CommitteeAsync(connection, "level = 'province' and province_code = @province", new { province = place.ProvinceCode }, tx);
        if (provinceCommittee is not null) steps.Add(provinceCommittee);
        var communeCommittee = place.CommuneCode is null ? null
            : await CommitteeAsync(connection, "level = 'commune' and commune_code = @commune", new { commune = place.CommuneCode }, tx);
        return new Chain(steps, communeCommittee, federation?.Unit);
    }

    /// <summary>
    /// First recipients of a new alert: the workplace's union and the level above; an alarm also
    /// goes to the commune/ward committee and the provincial federation (issue 4).
    /// </summary>
    public static IReadOnlyList<ResponsibleUnit> FirstRecipients(Chain chain, string level)
    {
        var recipients = chain.Steps.Take(2).ToList();
        if (level == "alarm")
        {
            if (chain.CommuneCommittee is not null) recipients.Add(chain.CommuneCommittee);
            if (chain.Federation is not null) recipients.Add(chain.Federation);
        }
        return recipients.DistinctBy(r => (r.Kind, r.Code)).ToList();
    }

    /// <summary>
    /// The unit an unanswered alert escalates to: the lowest step of the chain not yet told. Null
    /// when every step already has it: the top is reached.
    /// </summary>
    public static ResponsibleUnit? NextAbove(Chain chain, IEnumerable<(string Kind, string Code)> alreadyTold)
    {
        var told = alreadyTold.ToHashSet();
        return chain.Steps.FirstOrDefault(s => !told.Contains((s.Kind, s.Code)));
    }

    private sealed record UnionRow
    {
        public string Code { get; init; } = null!;
        public string Name { get; init; } = null!;
        public string? Parent { get; init; }
        public ResponsibleUnit Unit => new("union", Code, Name);
    }

    private static Task<UnionRow?> UnionAsync(DbConnection connection, string where, object args, DbTransaction? tx) =>
        connection.QueryFirstOrDefaultAsync<UnionRow>($"select code, name, parent_code as Parent from unions where {where} order by code", args, tx);

    private static async Task<ResponsibleUnit?> CommitteeAsync(DbConnection connection, string where, object args, DbTransaction? tx)
    {
        var row = await connection.QueryFirstOrDefaultAsync<UnionRow>($"select code, name, null as Parent from committees where {where} order by code", args, tx);
        return row is null ? null : new ResponsibleUnit("committee", row.Code, row.Name);
    }
}
