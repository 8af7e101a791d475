using System.Data.Common;
using Dapper;
using Directive58.Registry.Editing;
using static Directive58.Registry.Editing.RegistryChecks;

namespace Directive58.Registry.Unions;

/// <summary>
/// A trade union at one level: `grassroots` (CĐCS of one enterprise), `upper` (directly above the
/// grassroots: an industrial-zone, sector or commune-area union) or `province` (the LĐLĐ). An upper
/// union covers a zone or a commune, and workplaces without a union there fall under it.
/// </summary>
public sealed record Union : IRegistryRecord<Union>
{
    public static readonly string[] Levels = ["grassroots", "upper", "province"];

    public string Code { get; init; } = null!;
    public string Name { get; init; } = null!;
    public string Level { get; init; } = null!;
    public string? ParentCode { get; init; }
    public string ProvinceCode { get; init; } = null!;
    public string? ZoneCode { get; init; }
    public string? CommuneCode { get; init; }

    public static string Resource => "unions";
    public static string Table => "unions";
    public static string KeyColumn => "code";
    public static string Columns =>
        "code, name, level, parent_code as ParentCode, province_code as ProvinceCode, zone_code as ZoneCode, commune_code as CommuneCode";
    public string Key => Code;
    public Union WithKey(string key) => this with { Code = key };
    public Union Normalized() => this with { Code = Clean(Code)!, Name = Clean(Name)!, Level = Clean(Level)?.ToLowerInvariant()!, ParentCode = Clean(ParentCode), ProvinceCode = Clean(ProvinceCode)!, ZoneCode = Clean(ZoneCode), CommuneCode = Clean(CommuneCode) };

    public async Task<Dictionary<string, string[]>> ValidateAsync(DbConnection connection, DbTransaction? tx)
    {
        var errors = new Dictionary<string, string[]>();
        RegistryChecks.Code(errors, "code", Code);
        RegistryChecks.Required(errors, "name", Name);
        RegistryChecks.Required(errors, "level", Level, 20);
        RegistryChecks.OneOf(errors, "level", Level, Levels);
        RegistryChecks.Required(errors, "provinceCode", ProvinceCode, 50);
        if (Level is "grassroots" or "upper" && ParentCode is null)
            errors["parentCode"] = ["Công đoàn cơ sở và cấp trên cần công đoàn cấp trên. A grassroots or upper union needs a parent."];
        if (ParentCode is not null && ParentCode == Code)
            errors["parentCode"] = ["Không thể là cấp trên của chính mình. A union cannot be its own parent."];
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "parentCode", "unions", ParentCode);
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "provinceCode", "provinces", ProvinceCode);
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "zoneCode", "industrial_zones", ZoneCode);
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "communeCode", "communes", CommuneCode);
        return errors;
    }

    public Task UpsertAsync(DbConnection connection, DbTransaction? tx) => connection.ExecuteAsync(
        """
        insert into unions (code, name, level, parent_code, province_code, zone_code, commune_code)
        values (@Code, @Name, @Level, @ParentCode, @ProvinceCode, @ZoneCode, @CommuneCode)
        on conflict (code) do update set name = excluded.name, level = excluded.level, parent_code = excluded.parent_code,
            province_code = excluded.province_code, zone_code = excluded.zone_code, commune_code = excluded.commune_code
        """, this, tx);
}
