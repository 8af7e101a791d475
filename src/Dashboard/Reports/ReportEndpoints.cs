using System.Text.Json;
using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;

namespace Directive58.Dashboard.Reports;

/// <summary>`GET /api/v1/reports/{id}`: the report with its classification once classified. Every read of the text is audited.</summary>
public static class ReportEndpoints
{
    public sealed record ReportRow
    {
        public Guid Id { get; init; }
        public required string WorkplaceCode { get; init; }
        public required string Text { get; init; }
        public required string Channel { get; init; }
        public required string Status { get; init; }
        public DateTimeOffset OccurredAt { get; init; }
        public DateTimeOffset SubmittedAt { get; init; }
        public string? Topic { get; init; }
        public string? Risk { get; init; }
        public string? TopicScores { get; init; }
        public string? RiskScores { get; init; }
        public string? Explanation { get; init; }
        public string? ModelVersion { get; init; }
        public DateTimeOffset? ClassifiedAt { get; init; }
    }

    public const string SelectReports =
        """
        select r.id, r.workplace_code as WorkplaceCode, r.text, r.channel, r.status, r.occurred_at as OccurredAt, r.submitted_at as SubmittedAt,
               c.topic, c.risk, c.topic_scores as TopicScores, c.risk_scores as RiskScores, c.explanation, c.model_version as ModelVersion, c.classified_at as ClassifiedAt
        from reports r left join classifications c on c.report_id = r.id
        """;

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/reports/{id:guid}", async (Guid id, HttpContext http, Database database, AuditLog audit, CancellationToken ct) =>
        {
            await using var connection = await database.OpenAsync(ct);
            var row = await connection.QuerySingleOrDefaultAsync<ReportRow>($"{SelectReports} where r.id = @id", new { id });
            var visible = row is not null && (await UnitScope.WorkplacesAsync(connection, http.User))?.Contains(row.WorkplaceCode) != false;
            if (row is null || !visible)
                return Results.Problem(statusCode: 404, title: "Không tìm thấy báo cáo / Report not found", detail: $"No report {id} is visible to you.");
            await audit.RecordAsync(http.User, "view-report-text", id.ToString(), ct);
            return Results.Ok(new
            {
                row.Id, row.WorkplaceCode, row.Text, row.Channel, row.Status, row.OccurredAt, row.SubmittedAt,
                classification = row.Topic is null ? null : new
                {
                    row.Topic, row.Risk, row.ModelVersion, row.ClassifiedAt,
                    topicScores = JsonSerializer.Deserialize<Dictionary<string, double>>(row.TopicScores!),
                    riskScores = JsonSerializer.Deserialize<Dictionary<string, double>>(row.RiskScores!),
                    explanation = JsonSerializer.Deserialize<JsonElement>(row.Explanation!),
                },
            });
        }).RequireAuthorization(Policies.Read);
        return app;
    }
}
