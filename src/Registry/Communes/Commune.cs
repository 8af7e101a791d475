using System.Data.Common;
using Dapper;
using Directive58.Registry.Editing;
using static Directive58.Registry.Editing.RegistryChecks;

namespace Directive58.Registry.Communes;

/// <summary>A commune or ward (xã/phường): with the province, the only local government level since 1 July 2025.</summary>
public sealed record Commune : IRegistryRecord<Commune>
{
    public string Code { get; init; } = null!;
    public string Name { get; init; } = null!;
    public string ProvinceCode { get; init; } = null!;

    public static string Resource => "communes";
    public static string Table => "communes";
    public static string KeyColumn => "code";
    public static string Columns => "code, name, province_code as ProvinceCode";
    public string Key => Code;
    public Commune WithKey(string key) => this with { Code = key };
    public Commune Normalized() => this with { Code = Clean(Code)!, Name = Clean(Name)!, ProvinceCode = Clean(ProvinceCode)! };

    public async Task<Dictionary<string, string[]>> ValidateAsync(DbConnection connection, DbTransaction? tx)
    {
        var errors = new Dictionary<string, string[]>();
        RegistryChecks.Code(errors, "code", Code);
        RegistryChecks.Required(errors, "name", Name);
        RegistryChecks.Required(errors, "provinceCode", ProvinceCode, 50);
        await RegistryChecks.ReferenceAsync(errors, connection, tx, "provinceCode", "provinces", ProvinceCode);
        return errors;
    }

    public Task UpsertAsync(DbConnection connection, DbTransaction? tx) => connection.ExecuteAsync(
        """
        insert into communes (code, name, province_code) values (@Code, @Name, @ProvinceCode)
        on conflict (code) do update set name = excluded.name, province_code = excluded.province_code
        """, this, tx);
}
