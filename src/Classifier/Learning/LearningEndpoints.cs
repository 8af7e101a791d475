using System.Text.Json;
using Directive58.Contracts;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Classifier.Learning;

/// <summary>
/// `POST /api/v1/reports/{id}/labels` (an officer's correction), `GET /api/v1/models` (versions and
/// metrics), `POST /api/v1/models/retrain` (start a challenger now).
/// </summary>
public static class LearningEndpoints
{
    public sealed record LabelsRequest(string? Topic, string? Risk);

    public static IEndpointRouteBuilder MapLearning(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/reports/{id:guid}/labels", async (Guid id, LabelsRequest body, HttpContext http, Database database, TimeProvider clock, CancellationToken ct) =>
        {
            // Another unit's report answers as one that does not exist.
            if (!await ScopeFilter.SeesAsync(database, http.User, "select workplace_code from reports where id = @id", new { id }, ct))
                return Results.Problem(statusCode: 404, title: "Không tìm thấy báo cáo / Report not found", detail: $"No report {id}.");
            var result = await Relabelling.StoreAsync(database,
                new RelabelReport(id, body.Topic ?? "", body.Risk ?? "", http.User.Identity?.Name ?? "unknown", clock.GetUtcNow()), ct);
            return result switch
            {
                Relabelling.Result.Stored => Results.NoContent(),
                Relabelling.Result.UnknownReport => Results.Problem(statusCode: 404, title: "Không tìm thấy báo cáo / Report not found", detail: $"No report {id}."),
                _ => Results.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["labels"] = [$"Chủ đề phải là một trong {string.Join(", ", Taxonomy.Topics)}; rủi ro một trong {string.Join(", ", Taxonomy.Risks)}. Use taxonomy ids."],
                }),
            };
        }).RequireAuthorization(Policies.Act).DisableAntiforgery();

        app.MapGet("/api/v1/models", async (ModelVersions versions, SwappableClassifier current, CancellationToken ct) =>
            Results.Ok(new
            {
                inUse = current.ModelVersion,
                versions = (await versions.ListAsync(ct)).Select(v => new
                {
                    v.Version, v.Status, v.CreatedAt, v.DecidedAt, v.TrainingSha256, v.Note,
                    heldOutMetrics = v.HeldoutMetrics is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(v.HeldoutMetrics),
                    championMetrics = v.ChampionMetrics is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(v.ChampionMetrics),
                }),
            })).RequireAuthorization(Policies.Read);

        app.MapPost("/api/v1/models/retrain", (Retrainer retrainer) =>
        {
            retrainer.StartInBackground();
            return Results.Accepted("/api/v1/models", new { status = "training" });
        }).RequireAuthorization(Policies.Admin).DisableAntiforgery();
        return app;
    }
}
