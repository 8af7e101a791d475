using Dapper;
using Directive58.Registry.Committees;
using Directive58.Registry.Communes;
using Directive58.Registry.Contacts;
using Directive58.Registry.Editing;
using Directive58.Registry.Unions;
using Directive58.Registry.Workplaces;
using Directive58.Registry.Zones;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Registry.Demo;

/// <summary>
/// A demo province (Bắc Ninh) for the embedded default: communes, three industrial zones, 36
/// workplaces (some without a grassroots union, as in life), their unions up to the federation,
/// the responsible committees and a contact for each unit. Invented names, example.vn addresses.
/// </summary>
public static class DemoRegistry
{
    public const string Province = "bac-ninh";

    private static readonly (string Code, string Name)[] Communes =
        [("p-kinh-bac", "Phường Kinh Bắc"), ("x-yen-phong", "Xã Yên Phong"), ("p-que-vo", "Phường Quế Võ"), ("p-tu-son", "Phường Từ Sơn")];

    private static readonly (string Code, string Name, string Commune)[] Zones =
        [("kcn-yen-phong", "KCN Yên Phong", "x-yen-phong"), ("kcn-que-vo", "KCN Quế Võ", "p-que-vo"), ("kcn-vsip-bn", "KCN VSIP Bắc Ninh", "p-tu-son")];

    private static readonly (string Sector, string Ownership, string[] Names)[] Firms =
    [
        ("electronics", "foreign", ["Điện tử Hanel Vina", "Linh kiện Seojin", "Quang học Kyung Vina", "Bảng mạch Daeyang", "Camera Module Hosung", "Màn hình Nexus Vina"]),
        ("garments", "foreign", ["May mặc Youngone Bắc Ninh", "May Pan Pacific", "Dệt kim Hansae", "May Shinwon Vina"]),
        ("garments", "private", ["May Phú Thành", "May Kinh Bắc", "May xuất khẩu Đông Anh"]),
        ("footwear", "foreign", ["Giày Chang Shin Bắc Ninh", "Giày Pouyuen Quế Võ", "Đế giày Tae Kwang"]),
        ("wood_furniture", "private", ["Gỗ mỹ nghệ Đồng Kỵ", "Nội thất Phù Khê", "Gỗ Hương Mạc"]),
        ("logistics", "private", ["Kho vận Tiên Sơn", "Logistics Bắc Hà", "Vận tải Quế Võ"]),
        ("food_processing", "foreign", ["Thực phẩm CJ Bắc Ninh", "Bánh kẹo Orion Vina"]),
        ("construction", "private", ["Xây dựng Kinh Bắc Số 5", "Cơ khí xây lắp Yên Phong", "Thép Việt Đức Bắc Ninh"]),
        ("plastics", "private", ["Nhựa Đông Á", "Bao bì Từ Sơn", "Nhựa kỹ thuật An Phát"]),
        ("public_sector", "state", ["Bệnh viện Đa khoa Quế Võ", "Trường Mầm non Kinh Bắc", "Công ty Môi trường đô thị Bắc Ninh"]),
        ("mechanical", "state", ["Cơ khí Bắc Ninh", "Điện lực Yên Phong"]),
    ];

    public static async Task<bool> SeedIfEmptyAsync(Database database, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<long>("select count(*) from workplaces") > 0) return false;
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Through the registry's own write path (validation included), as an import or the API would.
        await RegistryWriter.WriteAllAsync(connection, tx, Communes.Select(c => new Commune { Code = c.Code, Name = c.Name, ProvinceCode = Province }));
        await RegistryWriter.WriteAllAsync(connection, tx, Zones.Select(z => new IndustrialZone { Code = z.Code, Name = z.Name, ProvinceCode = Province, CommuneCode = z.Commune }));

        var unions = new List<Union> { new() { Code = "ldld-bac-ninh", Name = "Liên đoàn Lao động tỉnh Bắc Ninh", Level = "province", ProvinceCode = Province } };
        unions.AddRange(Zones.Select(z => new Union { Code = $"cd-{z.Code}", Name = $"Công đoàn {z.Name}", Level = "upper", ParentCode = "ldld-bac-ninh", ProvinceCode = Province, ZoneCode = z.Code }));
        unions.AddRange(Communes.Select(c => new Union { Code = $"cd-{c.Code}", Name = $"Công đoàn {c.Name}", Level = "upper", ParentCode = "ldld-bac-ninh", ProvinceCode = Province, CommuneCode = c.Code }));
        var committees = new List<Committee> { new() { Code = "tu-bac-ninh", Name = "Tỉnh ủy - UBND tỉnh Bắc Ninh", Level = "province", ProvinceCode = Province } };
        committees.AddRange(Communes.Select(c => new Committee { Code = $"du-{c.Code}", Name = $"Đảng ủy {c.Name}", Level = "commune", CommuneCode = c.Code, ProvinceCode = Province }));

        var number = 0;
        var workplaces = new List<Workplace>();
        foreach (var (sector, ownership, names) in Firms)
        {
            foreach (var name in names)
            {
                number++;
                var inZone = sector is not ("public_sector" or "construction" or "wood_furniture") && number % 5 != 0;
                var zone = inZone ? Zones[number % Zones.Length] : default;
                var commune = inZone ? zone.Commune : Communes[number % Communes.Length].Code;
                // One in five non-state firms has no grassroots union: itself a risk factor (domain.md).
                var hasUnion = ownership == "state" || number % 5 != 3;
                var code = $"BN-{number:000}";
                string? unionCode = null;
                if (hasUnion)
                {
                    unionCode = $"cdcs-{code.ToLowerInvariant()}";
                    unions.Add(new Union { Code = unionCode, Name = $"Công đoàn cơ sở {name}", Level = "grassroots", ParentCode = inZone ? $"cd-{zone.Code}" : $"cd-{commune}", ProvinceCode = Province });
                }
                workplaces.Add(new Workplace
                {
                    Code = code, TaxCode = $"2300{number * 7919 % 1000000:000000}", Name = $"Công ty {name}", Sector = sector, Ownership = ownership,
                    Workforce = 150 + number * 397 % 4800, ProvinceCode = Province, CommuneCode = commune, ZoneCode = inZone ? zone.Code : null, UnionCode = unionCode,
                });
            }
        }
        await RegistryWriter.WriteAllAsync(connection, tx, unions);
        await RegistryWriter.WriteAllAsync(connection, tx, committees);
        await RegistryWriter.WriteAllAsync(connection, tx, workplaces);
        var contacts = unions.Select((u, i) => Contact("union", u.Code, u.Level == "grassroots" ? "Chủ tịch CĐCS" : "Chủ tịch công đoàn", i))
            .Concat(committees.Select((c, i) => Contact("committee", c.Code, "Phó Bí thư phụ trách dân vận", 500 + i)));
        await RegistryWriter.WriteAllAsync(connection, tx, contacts);
        await tx.CommitAsync(ct);
        return true;
    }

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    private static readonly string[] GivenNames = ["Thị Lan", "Văn Hùng", "Thị Hoa", "Minh Tuấn", "Thu Hà", "Quốc Bảo", "Thị Mai", "Đức Anh", "Ngọc Ánh", "Văn Nam"];

    private static Contact Contact(string unitKind, string unitCode, string role, int i) => new()
    {
        Id = Guid.NewGuid(), Name = $"{Surnames[i % Surnames.Length]} {GivenNames[i * 7 % GivenNames.Length]}", Role = role,
        UnitKind = unitKind, UnitCode = unitCode, Email = $"{unitCode}@example.vn", Phone = $"0912{i:000000}",
    };
}
