using System.Data.Common;
using Dapper;
using Directive58.Registry.Editing;
using static Directive58.Registry.Editing.RegistryChecks;

namespace Directive58.Registry.Workplaces;

/// <summary>
/// An enterprise or agency: its tax code, sector, ownership (`state`, `private` = non-state domestic,
/// `foreign` = foreign-invested), workforce, commune, industrial zone, and its grassroots union or none.
/// </summary>
public sealed record Workplace : IRegistryRecord<Workplace>
{
    public static readonly string[] Ownerships = ["state", "private", "foreign"];

    public string Code { get; init; } = null!;
    public string? TaxCode { get; init; }
    public string Name { get; init; } = null!;
    public string Sector { get; init; } = null!;
    public string Ownership { get; init; } = null!;
    public int Workforce { get; init; }
    public string ProvinceCode { get; init; } = null!;
    public string? CommuneCode { get; init; }
    public string? ZoneCode { get; init; }
    public string? UnionCode { get; init; }

    public static string Resource => "workplaces";
    public static string Table => "workplaces";
    public static string KeyColumn => "code";
    public static string Columns =>
        "code, tax_code as TaxCode, name, sector, ownership, workforce, province_code as ProvinceCode, commune_code as CommuneCode, zone_code as ZoneCode, union_code as UnionCode";
    public string Key => Code;
    public Workplace WithKey(string key) => this with { Code = key };
    public Workplace Normalized() => this with
    {
        Code = Clean(Code)!, TaxCode = Clean(TaxCode), Name = Clean(Name)!, Sector = Clean(Sector)!, Ownership = Clean(Ownership)?.ToLowerInvariant()!,
        ProvinceCode = Clean(ProvinceCode)!, CommuneCode = Clean(CommuneCode), ZoneCode = Clean(ZoneCode), UnionCode = Clean(UnionCode),
    };

    public async Task<Dictionary<string, string[]>> ValidateAsync(DbConnection connection, DbTransaction? tx)
    {
        var errors = new Dictionary<string, string[]>();
        Code(errors, "code", Code);
        Required(errors, "name", Name);
        Required(errors, "sector", Sector, 50);
        Required(errors, "ownership", Ownership, 20);
        OneOf(errors, "ownership", Ownership, Ownerships);
        Required(errors, "provinceCode", ProvinceCode, 50);
        if (TaxCode is not null && (TaxCode.Length is < 10 or > 14 || !TaxCode.All(c => char.IsAsciiDigit(c) || c == '-')))
            errors["taxCode"] = ["Mã số thuế gồm 10 hoặc 13 chữ số. A tax code has 10 or 13 digits."];
        if (Workforce < 0) errors["workforce"] = ["Số lao động không âm. workforce cannot be negative."];
        await ReferenceAsync(errors, connection, tx, "provinceCode", "provinces", ProvinceCode);
        await ReferenceAsync(errors, connection, tx, "communeCode", "communes", CommuneCode);
        await ReferenceAsync(errors, connection, tx, "zoneCode", "industrial_zones", ZoneCode);
        await ReferenceAsync(errors, connection, tx, "unionCode", "unions", UnionCode);
        if (UnionCode is not null && !errors.ContainsKey("unionCode") &&
            await connection.ExecuteScalarAsync<string>("select level from unions where code = @UnionCode", this, tx) != "grassroots")
            errors["unionCode"] = ["Nơi làm việc thuộc một công đoàn cơ sở. A workplace's union is a grassroots union."];
        return errors;
    }

    public Task UpsertAsync(DbConnection connection, DbTransaction? tx) => connection.ExecuteAsync(
        """
        insert into workplaces (code, tax_code, name, sector, ownership, workforce, province_code, commune_code, zone_code, union_code)
        values (@Code, @TaxCode, @Name, @Sector, @Ownership, @Workforce, @ProvinceCode, @CommuneCode, @ZoneCode, @UnionCode)
        on conflict (code) do update set tax_code = excluded.tax_code, name = excluded.name, sector = excluded.sector, ownership = excluded.ownership,
            workforce = excluded.workforce, province_code = excluded.province_code, commune_code = excluded.commune_code,
            zone_code = excluded.zone_code, union_code = excluded.union_code
        """, this, tx);
}
