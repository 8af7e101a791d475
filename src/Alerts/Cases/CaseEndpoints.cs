using Directive58.Alerts.HotSpots;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Directive58.Alerts.Cases;

/// <summary>
/// `POST /api/v1/hotspots/{id}/assign|notes|resolve|reopen`: the case actions, for a signed-in
/// officer. Machine clients (API keys) cannot close or reopen: only a person does.
/// </summary>
public static class CaseEndpoints
{
    public sealed record AssignRequest(string? AssignedTo);
    public sealed record NoteRequest(string? Note);
    public sealed record ResolveRequest(string? Outcome, string? Note);
    public sealed record ReopenRequest(string? Reason);

    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/hotspots/{id:guid}").RequireAuthorization(Policies.Act).DisableAntiforgery();
        // Another unit's hot spot answers 404, as one that does not exist (checked before any action starts).
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = Guid.TryParse(http.Request.RouteValues["id"] as string, out var parsed) ? parsed : Guid.Empty;
            var database = http.RequestServices.GetRequiredService<Database>();
            return await ScopeFilter.SeesAsync(database, http.User, "select workplace_code from hotspots where id = @id", new { id }, http.RequestAborted)
                ? await next(context)
                : Results.Problem(statusCode: 404, title: "Không tìm thấy điểm nóng / Hot spot not found", detail: $"No hot spot has id {id}.");
        });
        group.MapPost("/assign", (Guid id, AssignRequest body, HttpContext http, Database database, TimeProvider clock, CancellationToken ct) =>
            RespondAsync(id, database, null, AssignCaseConsumer.AssignAsync(database, new AssignCase(id, body.AssignedTo?.Trim() ?? "", Actor(http), clock.GetUtcNow()), ct), ct));
        group.MapPost("/notes", (Guid id, NoteRequest body, HttpContext http, Database database, TimeProvider clock, CancellationToken ct) =>
            RespondAsync(id, database, null, AddCaseNoteConsumer.AddAsync(database, new AddCaseNote(id, body.Note ?? "", Actor(http), clock.GetUtcNow()), ct), ct));
        group.MapPost("/resolve", (Guid id, ResolveRequest body, HttpContext http, Database database, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct) =>
            IsPerson(http)
                ? RespondAsync(id, database, bus, ResolveHotSpotConsumer.ResolveAsync(database, new ResolveHotSpot(id, body.Outcome ?? "", body.Note, Actor(http), clock.GetUtcNow()), ct), ct)
                : Task.FromResult(PersonOnly()));
        group.MapPost("/reopen", (Guid id, ReopenRequest body, HttpContext http, Database database, IPublishEndpoint bus, TimeProvider clock, CancellationToken ct) =>
            IsPerson(http)
                ? RespondAsync(id, database, bus, ReopenHotSpotConsumer.ReopenAsync(database, new ReopenHotSpot(id, body.Reason ?? "", Actor(http), clock.GetUtcNow()), ct), ct)
                : Task.FromResult(PersonOnly()));
        return app;
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "";

    private static bool IsPerson(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true } identity && identity.AuthenticationType != ApiKeyAuthenticationHandler.SchemeName;

    private static IResult PersonOnly() => Results.Problem(statusCode: 403,
        title: "Chỉ cán bộ đăng nhập mới đóng hoặc mở lại điểm nóng / Only a signed-in person closes or reopens a hot spot",
        detail: "Khóa API không được dùng cho thao tác này. API keys cannot do this.");

    private static async Task<IResult> RespondAsync(Guid id, Database database, IPublishEndpoint? bus, Task<CaseResult> action, CancellationToken ct)
    {
        var result = await action;
        if (result.Changed is not null && bus is not null) await bus.Publish(result.Changed, ct);
        return result.Status switch
        {
            CaseStatus.Done => Results.Ok(await HotSpotDetail.LoadAsync(database, id, ct)),
            CaseStatus.NotFound => Results.Problem(statusCode: 404, title: result.Problem, detail: $"No hot spot has id {id}."),
            CaseStatus.Conflict => Results.Problem(statusCode: 409, title: result.Problem),
            _ => Results.Problem(statusCode: 400, title: "Yêu cầu không hợp lệ / Invalid request", detail: result.Problem),
        };
    }
}
