using System.Text.Json;
using Directive58.ServiceDefaults.Security;
using Directive58.Surveys.Questionnaires;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Directive58.Surveys.Import;

/// <summary>
/// `POST /api/v1/surveys/{surveyId}/responses`: a CSV or XLSX file as multipart form data (field
/// `file`, optional `mapping` JSON {header: target}, `source`, `workplaceCode`, `wave`) or as the raw
/// body (the same options in the query string). 200 with counts and the per-row error report; the
/// same file again → 200 "already-imported", nothing changed; unmapped layout → 422 listing what is missing.
/// </summary>
public static class ImportEndpoint
{
    public static IEndpointRouteBuilder MapImportResponses(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/surveys/{surveyId:guid}/responses", HandleAsync).RequireAuthorization(Policies.Ingest).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(Guid surveyId, HttpContext http, ResponseImporter importer, QuestionnaireStore store, IOptions<SurveysOptions> options, CancellationToken ct)
    {
        if (await store.FindAsync(surveyId, ct) is null) return QuestionnaireEndpoints.NotFound(surveyId);
        var limit = options.Value.MaxUploadBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;

        Stream body;
        IFormCollection? form = null;
        if (http.Request.HasFormContentType)
        {
            // The framework's default multipart limit (128 MiB) would cut in before Surveys:MaxUploadBytes.
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
            form = await http.Request.ReadFormAsync(ct);
            if ((form.Files.GetFile("file") ?? form.Files.FirstOrDefault()) is not { } formFile)
                return Results.Problem(statusCode: 400, title: "Thiếu tệp / No file", detail: "Gửi tệp trong trường 'file'. Send the file in the 'file' field.");
            body = formFile.OpenReadStream();
        }
        else body = http.Request.Body;

        string? Option(string name) => form?[name].FirstOrDefault() is { Length: > 0 } f ? f : http.Request.Query[name].FirstOrDefault();
        Dictionary<string, string>? mapping = null;
        if (Option("mapping") is { } json)
        {
            try { mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(json); }
            catch (JsonException) { return Results.Problem(statusCode: 400, title: "Mapping không hợp lệ / Malformed mapping", detail: "mapping phải là JSON {\"tiêu đề cột\": \"mã câu hỏi\"}. mapping must be a JSON object {header: target}."); }
        }

        await using var file = await UploadedFile.SaveAsync(body, limit, ct);
        if (file is null) return Results.Problem(statusCode: 413, title: "Tệp quá lớn / File too large", detail: $"Tối đa {limit / 1024 / 1024} MiB. At most {limit / 1024 / 1024} MiB.");
        if (file.Length == 0) return Results.Problem(statusCode: 400, title: "Tệp rỗng / Empty file", detail: "Không có dữ liệu. The upload is empty.");

        var request = new ImportRequest(surveyId, form?.Files.FirstOrDefault()?.FileName ?? Option("fileName"), mapping, Option("source"), Option("workplaceCode"), Option("wave"), http.User.Identity?.Name);
        var outcome = await importer.ImportAsync(request, file.Stream, file.Hash, null, ct);
        return outcome!.Status switch
        {
            ImportStatus.NeedsMapping => Results.Problem(statusCode: 422, title: "Cần ghép cột / Column mapping needed", detail: outcome.Message,
                extensions: new Dictionary<string, object?>
                {
                    ["header"] = outcome.Header, ["missing"] = outcome.Missing, ["mapping"] = outcome.Mapping,
                    ["droppedColumns"] = outcome.DroppedColumns.Select(d => d.Header), ["encoding"] = outcome.Encoding,
                }),
            ImportStatus.Unreadable => Results.Problem(statusCode: 400, title: "Không đọc được tệp / Unreadable file", detail: outcome.Message),
            _ => Results.Ok(outcome),
        };
    }
}
