using Dapper;
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
        foreach (var (code, name) in Communes)
            await connection.ExecuteAsync("insert into communes (code, name, province_code) values (@code, @name, @Province)", new { code, name, Province }, tx);
        foreach (var (code, name, commune) in Zones)
            await connection.ExecuteAsync("insert into industrial_zones (code, name, province_code, commune_code) values (@code, @name, @Province, @commune)", new { code, name, Province, commune }, tx);

        var unions = new List<(string Code, string Name, string Level, string? Parent, string? Zone, string? Commune)> { ("ldld-bac-ninh", "Liên đoàn Lao động tỉnh Bắc Ninh", "province", null, null, null) };
        unions.AddRange(Zones.Select(z => ($"cd-{z.Code}", $"Công đoàn {z.Name}", "upper", (string?)"ldld-bac-ninh", (string?)z.Code, (string?)null)));
        unions.AddRange(Communes.Select(c => ($"cd-{c.Code}", $"Công đoàn {c.Name}", "upper", (string?)"ldld-bac-ninh", (string?)null, (string?)c.Code)));
        var committees = new List<(string Code, string Name, string Level, string? Commune)> { ("tu-bac-ninh", "Tỉnh ủy - UBND tỉnh Bắc Ninh", "province", null) };
        committees.AddRange(Communes.Select(c => ($"du-{c.Code}", $"Đảng ủy {c.Name}", "commune", (string?)c.Code)));

        var number = 0;
        var workplaces = new List<object>();
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
                    unions.Add((unionCode, $"Công đoàn cơ sở {name}", "grassroots", inZone ? $"cd-{zone.Code}" : $"cd-{commune}", null, null));
                }
                workplaces.Add(new
                {
                    code, tax_code = $"2300{number * 7919 % 1000000:000000}", name = $"Công ty {name}", sector, ownership,
                    workforce = 150 + number * 397 % 4800, province_code = Province, commune_code = commune,
                    zone_code = inZone ? zone.Code : null, union_code = unionCode,
                });
            }
        }
        foreach (var u in unions)
            await connection.ExecuteAsync("insert into unions (code, name, level, parent_code, province_code, zone_code, commune_code) values (@Code, @Name, @Level, @Parent, @Province, @Zone, @Commune)",
                new { u.Code, u.Name, u.Level, u.Parent, Province, u.Zone, u.Commune }, tx);
        foreach (var c in committees)
            await connection.ExecuteAsync("insert into committees (code, name, level, commune_code, province_code) values (@Code, @Name, @Level, @Commune, @Province)",
                new { c.Code, c.Name, c.Level, c.Commune, Province }, tx);
        await connection.ExecuteAsync(
            "insert into workplaces (code, tax_code, name, sector, ownership, workforce, province_code, commune_code, zone_code, union_code) values (@code, @tax_code, @name, @sector, @ownership, @workforce, @province_code, @commune_code, @zone_code, @union_code)",
            workplaces, tx);
        var contacts = unions.Select((u, i) => Contact("union", u.Code, u.Level == "grassroots" ? "Chủ tịch CĐCS" : "Chủ tịch công đoàn", i))
            .Concat(committees.Select((c, i) => Contact("committee", c.Code, "Phó Bí thư phụ trách dân vận", 500 + i)));
        await connection.ExecuteAsync(
            "insert into contacts (id, name, role, unit_kind, unit_code, email, phone, webhook_url) values (@Id, @Name, @Role, @UnitKind, @UnitCode, @Email, @Phone, null)",
            contacts, tx);
        await tx.CommitAsync(ct);
        return true;
    }

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    private static readonly string[] GivenNames = ["Thị Lan", "Văn Hùng", "Thị Hoa", "Minh Tuấn", "Thu Hà", "Quốc Bảo", "Thị Mai", "Đức Anh", "Ngọc Ánh", "Văn Nam"];

    private static object Contact(string unitKind, string unitCode, string role, int i) => new
    {
        Id = Guid.NewGuid(), Name = $"{Surnames[i % Surnames.Length]} {GivenNames[i * 7 % GivenNames.Length]}", Role = role,
        UnitKind = unitKind, UnitCode = unitCode, Email = $"{unitCode}@example.vn", Phone = $"0912{i:000000}",
    };
}
