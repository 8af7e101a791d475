using System.Data.Common;
using Dapper;
using Directive58.Registry.Editing;
using static Directive58.Registry.Editing.RegistryChecks;

namespace Directive58.Registry.Committees;

/// <summary>The responsible committee (cấp ủy / people's committee) of a commune or of the province, told of serious cases.</summary>
public sealed record Committee : IRegistryRecord<Committee>
{
    public static readonly string[] Levels = ["commune", "province"];

    public string Code { get; init; } = null!;
    public string Name { get; init; } = null!;
    public string Level { get; init; } = null!;
    public string? CommuneCode { get; init; }
    public string ProvinceCode { get; init; } = null!;

    public static string Resource => "committees";
    public static string Table => "committees";
    public static string KeyColumn => "code";
    public static string Columns => "code, name, level, commune_code as CommuneCode, province_code as ProvinceCode";
    public string Key => Code;
    public Committee WithKey(string key) => this with { Code = key };
    public Committee Normalized() => this with { Code = Clean(Code)!, Name = Clean(Name)!, Level = Clean(Level)?.ToLowerInvariant()!, CommuneCode = Clean(CommuneCode), ProvinceCode = Clean(ProvinceCode)! };

    public async Task<Dictionary<string, string[]>> ValidateAsync(DbConnection connection, DbTransaction? tx)
    {
        var errors = new Dictionary<string, string[]>();
        RegistryChecks.Code(errors, "code", Code);
        RegistryChecks.Required(errors, "name", Name);
        RegistryChecks.Required(errors, "level", Level, 20);
        RegistryChecks.OneOf(errors, "level", Level, Levels);
        RegistryChecks.Required(errors, "provinceCode", ProvinceCode, 50);
        if (Level == "commune" && CommuneCode is null)
            errors["communeCode"] = ["Cấp ủy xã/phường cần mã xã/phường. A commune committee needs its commune."];
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "communeCode", "communes", CommuneCode);
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "provinceCode", "provinces", ProvinceCode);
        return errors;
    }

    public Task UpsertAsync(DbConnection connection, DbTransaction? tx) => connection.ExecuteAsync(
        """
        insert into committees (code, name, level, commune_code, province_code) values (@Code, @Name, @Level, @CommuneCode, @ProvinceCode)
        on conflict (code) do update set name = excluded.name, level = excluded.level, commune_code = excluded.commune_code, province_code = excluded.province_code
        """, this, tx);
}
