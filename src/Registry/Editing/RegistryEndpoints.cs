using System.Data.Common;
using Dapper;
using Directive58.Registry.Import;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Registry.Editing;

/// <summary>
/// The same HTTP shape for every registry kind under `/api/v1/{resource}`: list, get, create
/// (POST, 409 if the key exists), replace (PUT), delete (409 while others refer to it), and
/// `POST /import` of a CSV file answering with a per-row error report. Writes need the Admin policy.
/// </summary>
public static class RegistryEndpoints
{
    public static RouteGroupBuilder MapRegistryResource<T>(this IEndpointRouteBuilder app, string readPolicy = Policies.Read)
        where T : class, IRegistryRecord<T>
    {
        var group = app.MapGroup($"/api/v1/{T.Resource}");
        group.MapGet("/{key}", GetAsync<T>).RequireAuthorization(readPolicy);
        group.MapPost("/", CreateAsync<T>).RequireAuthorization(Policies.Admin);
        group.MapPut("/{key}", ReplaceAsync<T>).RequireAuthorization(Policies.Admin);
        group.MapDelete("/{key}", DeleteAsync<T>).RequireAuthorization(Policies.Admin);
        group.MapPost("/import", ImportAsync<T>).RequireAuthorization(Policies.Admin).DisableAntiforgery();
        return group;
    }

    private static async Task<IResult> GetAsync<T>(string key, Database database, CancellationToken ct) where T : class, IRegistryRecord<T>
    {
        await using var connection = await database.OpenAsync(ct);
        var entry = await FindAsync<T>(connection, key);
        return entry is null ? NotFound<T>(key) : Results.Ok(entry);
    }

    private static async Task<IResult> CreateAsync<T>(T body, Database database, CancellationToken ct) where T : class, IRegistryRecord<T>
    {
        await using var connection = await database.OpenAsync(ct);
        var entry = body.Normalized();
        if (await FindAsync<T>(connection, entry.Key) is not null)
            return Results.Problem(statusCode: 409, title: "Mã đã tồn tại / Already exists", detail: $"{T.Resource} '{entry.Key}' exists; use PUT to replace it.");
        return await SaveAsync(connection, entry, created: true);
    }

    private static async Task<IResult> ReplaceAsync<T>(string key, T body, Database database, CancellationToken ct) where T : class, IRegistryRecord<T>
    {
        await using var connection = await database.OpenAsync(ct);
        return await SaveAsync(connection, body.WithKey(key).Normalized(), created: false);
    }

    private static async Task<IResult> DeleteAsync<T>(string key, Database database, CancellationToken ct) where T : class, IRegistryRecord<T>
    {
        await using var connection = await database.OpenAsync(ct);
        if (await FindAsync<T>(connection, key) is null) return NotFound<T>(key);
        try
        {
            await connection.ExecuteAsync($"delete from {T.Table} where {T.KeyColumn} = @key", KeyParameter<T>(key));
        }
        catch (DbException)
        {
            return Results.Problem(statusCode: 409, title: "Đang được tham chiếu / Still referenced",
                detail: $"Còn mục khác tham chiếu tới '{key}'. Other registry entries still refer to {T.Resource} '{key}'.");
        }
        return Results.NoContent();
    }

    private static async Task<IResult> ImportAsync<T>(HttpRequest request, Database database, CancellationToken ct) where T : class, IRegistryRecord<T>
    {
        var file = await CsvBody.OpenAsync(request, ct);
        if (file is null)
            return Results.Problem(statusCode: 415, title: "Cần tệp CSV / A CSV file is required",
                detail: "Gửi text/csv, hoặc multipart/form-data với một tệp. Send text/csv, or multipart/form-data with one file.");
        await using (file)
        {
            var result = await CsvImport.ImportAsync<T>(database, file, ct);
            return Results.Ok(new { imported = result.Written, rejected = result.Rejected.Count, errors = result.Rejected });
        }
    }

    /// <summary>The whole list, ordered by key; kinds with filters (workplaces) map their own list.</summary>
    public static RouteGroupBuilder WithList<T>(this RouteGroupBuilder group, string readPolicy = Policies.Read) where T : class, IRegistryRecord<T>
    {
        group.MapGet("/", ListAsync<T>).RequireAuthorization(readPolicy);
        return group;
    }

    private static async Task<IResult> ListAsync<T>(Database database, CancellationToken ct) where T : class, IRegistryRecord<T>
    {
        await using var connection = await database.OpenAsync(ct);
        return Results.Ok(await connection.QueryAsync<T>($"select {T.Columns} from {T.Table} order by {T.KeyColumn}"));
    }

    public static async Task<T?> FindAsync<T>(DbConnection connection, string key) where T : class, IRegistryRecord<T> =>
        await connection.QuerySingleOrDefaultAsync<T>($"select {T.Columns} from {T.Table} where {T.KeyColumn} = @key", KeyParameter<T>(key));

    // Contacts are keyed by a Guid (uuid or text by provider): typed as Guid so Dapper's handler writes it right.
    private static object KeyParameter<T>(string key) where T : class, IRegistryRecord<T> =>
        T.KeyColumn == "id" ? new { key = Guid.TryParse(key, out var id) ? id : Guid.Empty } : new { key };

    private static async Task<IResult> SaveAsync<T>(DbConnection connection, T entry, bool created) where T : class, IRegistryRecord<T>
    {
        var errors = await entry.ValidateAsync(connection, null);
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Dữ liệu chưa hợp lệ / The entry is not valid");
        await entry.UpsertAsync(connection, null);
        return created ? Results.Created($"/api/v1/{T.Resource}/{entry.Key}", entry) : Results.Ok(entry);
    }

    private static IResult NotFound<T>(string key) where T : class, IRegistryRecord<T> =>
        Results.Problem(statusCode: 404, title: "Không tìm thấy / Not found", detail: $"No {T.Resource} entry has key '{key}'.");
}
