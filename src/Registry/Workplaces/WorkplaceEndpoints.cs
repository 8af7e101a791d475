using Dapper;
using Directive58.Registry.Editing;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Registry.Workplaces;

/// <summary>`/api/v1/workplaces`: the list filters by zone, commune or union; the rest is the common registry shape.</summary>
public static class WorkplaceEndpoints
{
    public static IEndpointRouteBuilder MapWorkplaces(this IEndpointRouteBuilder app)
    {
        var group = app.MapRegistryResource<Workplace>();
        group.MapGet("/", async (Database database, string? zone, string? commune, string? union, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            var rows = await connection.QueryAsync<Workplace>(
                $"""
                select {Workplace.Columns} from workplaces
                where (@zone is null or zone_code = @zone) and (@commune is null or commune_code = @commune) and (@union is null or union_code = @union)
                order by code
                """, new { zone, commune, union });
            return Results.Ok(rows);
        }).RequireAuthorization(Policies.Read);
        return app;
    }
}
