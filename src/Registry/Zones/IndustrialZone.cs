using System.Data.Common;
using Dapper;
using Directive58.Registry.Editing;
using static Directive58.Registry.Editing.RegistryChecks;

namespace Directive58.Registry.Zones;

/// <summary>An industrial zone (KCN), in a province and usually within one commune or ward.</summary>
public sealed record IndustrialZone : IRegistryRecord<IndustrialZone>
{
    public string Code { get; init; } = null!;
    public string Name { get; init; } = null!;
    public string ProvinceCode { get; init; } = null!;
    public string? CommuneCode { get; init; }

    public static string Resource => "industrial-zones";
    public static string Table => "industrial_zones";
    public static string KeyColumn => "code";
    public static string Columns => "code, name, province_code as ProvinceCode, commune_code as CommuneCode";
    public string Key => Code;
    public IndustrialZone WithKey(string key) => this with { Code = key };
    public IndustrialZone Normalized() => this with { Code = Clean(Code)!, Name = Clean(Name)!, ProvinceCode = Clean(ProvinceCode)!, CommuneCode = Clean(CommuneCode) };

    public async Task<Dictionary<string, string[]>> ValidateAsync(DbConnection connection, DbTransaction? tx)
    {
        var errors = new Dictionary<string, string[]>();
        RegistryChecks.Code(errors, "code", Code);
        RegistryChecks.Required(errors, "name", Name);
        RegistryChecks.Required(errors, "provinceCode", ProvinceCode, 50);
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "provinceCode", "provinces", ProvinceCode);
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "communeCode", "communes", CommuneCode);
        return errors;
    }

    public Task UpsertAsync(DbConnection connection, DbTransaction? tx) => connection.ExecuteAsync(
        """
        insert into industrial_zones (code, name, province_code, commune_code) values (@Code, @Name, @ProvinceCode, @CommuneCode)
        on conflict (code) do update set name = excluded.name, province_code = excluded.province_code, commune_code = excluded.commune_code
        """, this, tx);
}
