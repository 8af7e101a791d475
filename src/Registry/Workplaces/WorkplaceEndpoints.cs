using Dapper;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Registry.Workplaces;

public sealed record Workplace
{
    public required string Code { get; init; }
    public string? TaxCode { get; init; }
    public required string Name { get; init; }
    public required string Sector { get; init; }
    public required string Ownership { get; init; }
    public int Workforce { get; init; }
    public required string ProvinceCode { get; init; }
    public string? CommuneCode { get; init; }
    public string? ZoneCode { get; init; }
    public string? UnionCode { get; init; }
}

/// <summary>`GET /api/v1/workplaces` (filter by zone, commune or union) and `GET /api/v1/workplaces/{code}`.</summary>
public static class WorkplaceEndpoints
{
    public const string SelectColumns =
        "code, tax_code as TaxCode, name, sector, ownership, workforce, province_code as ProvinceCode, commune_code as CommuneCode, zone_code as ZoneCode, union_code as UnionCode";

    public static IEndpointRouteBuilder MapWorkplaces(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/workplaces").RequireAuthorization(Policies.Read);
        group.MapGet("/", async (Database database, string? zone, string? commune, string? union, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            var rows = await connection.QueryAsync<Workplace>(
                $"""
                select {SelectColumns} from workplaces
                where (@zone is null or zone_code = @zone) and (@commune is null or commune_code = @commune) and (@union is null or union_code = @union)
                order by code
                """, new { zone, commune, union });
            return Results.Ok(rows);
        });
        group.MapGet("/{code}", async (Database database, string code, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            var workplace = await connection.QuerySingleOrDefaultAsync<Workplace>($"select {SelectColumns} from workplaces where code = @code", new { code });
            return workplace is null
                ? Results.Problem(statusCode: 404, title: "Không tìm thấy nơi làm việc / Workplace not found", detail: $"No workplace has code '{code}'.")
                : Results.Ok(workplace);
        });
        return app;
    }
}
