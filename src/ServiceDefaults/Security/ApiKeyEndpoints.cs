using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace Directive58.ServiceDefaults.Security;

/// <summary>
/// `/api/v1/apikeys` for administrators: list a client's keys (never the keys themselves), issue a
/// new one (shown once, in the 201 response), revoke one (at once in this process, within the
/// one-minute cache elsewhere).
/// </summary>
public static class ApiKeyEndpoints
{
    public static readonly string[] GrantableScopes = [Policies.Ingest, Policies.Read, Policies.Act];

    public sealed record IssueRequest(string? Client, string[]? Scopes, int? RatePerSecond);

    public sealed record KeyView(Guid Id, string Client, string[] Scopes, int? RatePerSecond, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

    public sealed record IssuedKey(Guid Id, string Client, string[] Scopes, int? RatePerSecond, string Key);

    public static IEndpointRouteBuilder MapApiKeyAdmin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/apikeys").RequireAuthorization(Policies.Admin).DisableAntiforgery();
        group.MapGet("", async (string? client, ApiKeys keys, CancellationToken ct) =>
            Results.Ok((await keys.ListAsync(client, ct)).Select(View)));
        group.MapPost("", async (IssueRequest request, ApiKeys keys, CancellationToken ct) =>
        {
            var errors = Validate(request);
            if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Yêu cầu chưa hợp lệ / The request is not valid");
            var key = ApiKeys.NewKey();
            var scopes = request.Scopes!.Distinct().ToArray();
            var id = await keys.AddAsync(request.Client!.Trim(), key, string.Join(' ', scopes), ct, request.RatePerSecond);
            return Results.Created($"/api/v1/apikeys/{id}", new IssuedKey(id, request.Client.Trim(), scopes, request.RatePerSecond, key));
        });
        group.MapDelete("/{id:guid}", async (Guid id, ApiKeys keys, IMemoryCache cache, CancellationToken ct) =>
        {
            var hash = await keys.RevokeAsync(id, ct);
            if (hash is null)
                return Results.Problem(statusCode: 404, title: "Không có khóa này / No such key", detail: $"Không có khóa API với id {id}. No API key has this id.");
            cache.Remove(ApiKeyAuthenticationHandler.CacheKey(hash));
            return Results.NoContent();
        });
        return app;
    }

    private static KeyView View(ApiKeys.KeyRecord k) =>
        new(k.Id, k.Name, k.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), k.RatePerSecond, k.CreatedAt, k.RevokedAt);

    private static Dictionary<string, string[]> Validate(IssueRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Client) || r.Client.Length > 100)
            errors["client"] = ["Cần tên ứng dụng/khách (1–100 ký tự). client is required, 1–100 characters."];
        if (r.Scopes is not { Length: > 0 } || r.Scopes.Any(s => !GrantableScopes.Contains(s)))
            errors["scopes"] = [$"Quyền phải thuộc: {string.Join(", ", GrantableScopes)}. scopes must be some of these."];
        if (r.RatePerSecond is < 1 or > 100_000)
            errors["ratePerSecond"] = ["Giới hạn tốc độ từ 1 đến 100000 yêu cầu/giây. ratePerSecond must lie between 1 and 100000."];
        return errors;
    }
}
