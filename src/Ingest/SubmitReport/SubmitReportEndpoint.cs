using System.Text.Json;
using Dapper;
using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace Directive58.Ingest.SubmitReport;

/// <summary>
/// `POST /api/v1/reports`: JSON only, at most 64 KiB per request and 4,000 characters of text;
/// every failure is a problem details response and leaves nothing stored.
/// </summary>
public static class SubmitReportEndpoint
{
    public const int MaxRequestBytes = 64 * 1024;
    public const int MaxTextLength = 4000;
    public static readonly string[] Channels = ["app", "web", "sms", "chat", "email", "phone", "survey"];

    public sealed record Request(string? ClientId, string? WorkplaceCode, string? Text, string? Channel, DateTimeOffset? OccurredAt, string? ReporterRef);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapSubmitReport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/reports", HandleAsync).RequireAuthorization(Policies.Ingest).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, Database database, ReportSubmission submission, TimeProvider clock, IMemoryCache cache, CancellationToken ct)
    {
        if (!http.Request.HasJsonContentType())
            return Results.Problem(statusCode: 415, title: "Sai định dạng / Unsupported media type",
                detail: "Gửi JSON với Content-Type: application/json. Send JSON with Content-Type: application/json.");
        if (http.Request.ContentLength > MaxRequestBytes) return TooLarge();
        var body = await BoundedBody.ReadAsync(http.Request.Body, MaxRequestBytes, ct);
        if (body is null) return TooLarge();

        Request? request;
        try
        {
            request = JsonSerializer.Deserialize<Request>(body, Json);
        }
        catch (JsonException ex)
        {
            return Results.Problem(statusCode: 400, title: "JSON không hợp lệ / Malformed JSON",
                detail: $"Không đọc được JSON: {ex.Message}. The body is not valid JSON for a report.");
        }
        if (request is null) return Results.Problem(statusCode: 400, title: "JSON không hợp lệ / Malformed JSON", detail: "The body is empty or null.");

        var errors = Validate(request, clock.GetUtcNow());
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Báo cáo chưa hợp lệ / The report is not valid");

        if (!await WorkplaceExistsAsync(database, cache, request.WorkplaceCode!, ct))
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["workplaceCode"] = [$"Không có nơi làm việc mã '{request.WorkplaceCode}'. No workplace has this code."] },
                statusCode: 422, title: "Nơi làm việc không tồn tại / Unknown workplace");

        var accepted = await submission.SubmitAsync(
            new NewReport(request.ClientId!, request.WorkplaceCode!, request.Text!, request.Channel!.ToLowerInvariant(), request.OccurredAt, request.ReporterRef), ct);
        return Results.Accepted($"/api/v1/reports/{accepted.Id}", new { id = accepted.Id, status = accepted.Status });
    }

    /// <summary>Known codes are remembered for a minute (the registry changes rarely); unknown ones are always checked.</summary>
    private static async Task<bool> WorkplaceExistsAsync(Database database, IMemoryCache cache, string code, CancellationToken ct)
    {
        if (cache.TryGetValue("workplace:" + code, out _)) return true;
        await using var connection = await database.OpenAsync(ct);
        if (await connection.ExecuteScalarAsync<long>("select count(*) from workplaces where code = @code", new { code }) == 0) return false;
        cache.Set("workplace:" + code, true, TimeSpan.FromMinutes(1));
        return true;
    }

    private static Dictionary<string, string[]> Validate(Request r, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.ClientId) || r.ClientId.Length > 100)
            errors["clientId"] = ["Cần clientId (1–100 ký tự) để gửi lại không bị trùng. clientId is required, 1–100 characters."];
        if (string.IsNullOrWhiteSpace(r.WorkplaceCode) || r.WorkplaceCode.Length > 50)
            errors["workplaceCode"] = ["Cần mã nơi làm việc. workplaceCode is required."];
        if (string.IsNullOrWhiteSpace(r.Text))
            errors["text"] = ["Nội dung không được để trống. text must not be empty."];
        else if (r.Text.Length > MaxTextLength)
            errors["text"] = [$"Nội dung tối đa {MaxTextLength} ký tự (đang có {r.Text.Length}). text is limited to {MaxTextLength} characters."];
        if (string.IsNullOrWhiteSpace(r.Channel) || !Channels.Contains(r.Channel.ToLowerInvariant()))
            errors["channel"] = [$"Kênh phải là một trong: {string.Join(", ", Channels)}. channel must be one of these."];
        if (r.OccurredAt is { } at && (at > now.AddMinutes(10) || at < now.AddYears(-1)))
            errors["occurredAt"] = ["Thời điểm phải trong vòng một năm qua, không ở tương lai. occurredAt must lie within the past year."];
        if (r.ReporterRef is { Length: > 100 })
            errors["reporterRef"] = ["reporterRef tối đa 100 ký tự. reporterRef is limited to 100 characters."];
        return errors;
    }

    private static IResult TooLarge() => Results.Problem(statusCode: 413, title: "Yêu cầu quá lớn / Request too large",
        detail: $"Tối đa {MaxRequestBytes / 1024} KiB mỗi yêu cầu và {MaxTextLength} ký tự nội dung. At most {MaxRequestBytes / 1024} KiB per request.");
}
