using System.Text;
using System.Text.RegularExpressions;
using Directive58.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.Surveys.Questionnaires;

/// <summary>
/// `GET /api/v1/surveys` (questionnaires with ids), one questionnaire, its CSV template, and editing
/// (administrators): `POST /api/v1/surveys` creates, `PUT /api/v1/surveys/{id}` replaces.
/// </summary>
public static partial class QuestionnaireEndpoints
{
    public const string WorkplaceColumn = "workplaceCode";
    public const string WaveColumn = "wave";

    public sealed record Edit(string? Code, string? Title, string? TitleEn, List<Question>? Questions);

    public static IEndpointRouteBuilder MapQuestionnaires(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/surveys");
        group.MapGet("", async (QuestionnaireStore store, CancellationToken ct) => Results.Ok(await store.ListAsync(ct)))
            .RequireAuthorization(Policies.Read);
        group.MapGet("/{surveyId:guid}", async (Guid surveyId, QuestionnaireStore store, CancellationToken ct) =>
            await store.FindAsync(surveyId, ct) is { } q ? Results.Ok(q) : NotFound(surveyId)).RequireAuthorization(Policies.Read);
        group.MapGet("/{surveyId:guid}/template.csv", async (Guid surveyId, QuestionnaireStore store, CancellationToken ct) =>
            await store.FindAsync(surveyId, ct) is { } q
                ? Results.File(Encoding.UTF8.GetBytes(TemplateHeader(q) + "\r\n"), "text/csv; charset=utf-8", $"{q.Code}.csv")
                : NotFound(surveyId)).RequireAuthorization(Policies.Read);
        group.MapPost("", (Edit edit, QuestionnaireStore store, CancellationToken ct) => SaveAsync(Guid.CreateVersion7(), edit, store, true, ct))
            .RequireAuthorization(Policies.Admin).DisableAntiforgery();
        group.MapPut("/{surveyId:guid}", async (Guid surveyId, Edit edit, QuestionnaireStore store, CancellationToken ct) =>
            await store.FindAsync(surveyId, ct) is null ? NotFound(surveyId) : await SaveAsync(surveyId, edit, store, false, ct))
            .RequireAuthorization(Policies.Admin).DisableAntiforgery();
        return app;
    }

    /// <summary>The shipped column layout: workplace, wave, then one column per question id.</summary>
    public static string TemplateHeader(Questionnaire q) => string.Join(",", new[] { WorkplaceColumn, WaveColumn }.Concat(q.Questions.Select(x => x.Id)));

    public static IResult NotFound(Guid surveyId) => Results.Problem(statusCode: 404, title: "Không có bảng hỏi / No such questionnaire",
        detail: $"Không có bảng hỏi mã {surveyId}. No questionnaire has this id.");

    private static async Task<IResult> SaveAsync(Guid id, Edit edit, QuestionnaireStore store, bool created, CancellationToken ct)
    {
        var errors = Validate(edit);
        if (errors.Count > 0) return Results.ValidationProblem(errors, title: "Bảng hỏi chưa hợp lệ / The questionnaire is not valid");
        var questionnaire = new Questionnaire { Id = id, Code = edit.Code!, Title = edit.Title!.Trim(), TitleEn = edit.TitleEn, Questions = edit.Questions! };
        if (!await store.SaveAsync(questionnaire, ct))
            return Results.Problem(statusCode: 409, title: "Trùng mã / Code taken", detail: $"Đã có bảng hỏi mã '{edit.Code}'. Another questionnaire has this code.");
        var saved = await store.FindAsync(id, ct);
        return created ? Results.Created($"/api/v1/surveys/{id}", saved) : Results.Ok(saved);
    }

    private static Dictionary<string, string[]> Validate(Edit e)
    {
        var errors = new Dictionary<string, string[]>();
        if (e.Code is null || !CodePattern().IsMatch(e.Code)) errors["code"] = ["Mã gồm chữ thường, số, gạch ngang (1–60). code: lowercase letters, digits, dashes."];
        if (string.IsNullOrWhiteSpace(e.Title)) errors["title"] = ["Cần tiêu đề. title is required."];
        if (e.Questions is not { Count: > 0 }) { errors["questions"] = ["Cần ít nhất một câu hỏi. At least one question."]; return errors; }
        var problems = new List<string>();
        foreach (var q in e.Questions)
        {
            if (q.Id is null || !QuestionIdPattern().IsMatch(q.Id) || q.Id.Equals(WorkplaceColumn, StringComparison.OrdinalIgnoreCase) || q.Id == WaveColumn)
                problems.Add($"'{q.Id}': mã câu hỏi là chữ thường/số/_ (1–40), không trùng cột workplaceCode/wave. Question ids: a-z, 0-9, _.");
            if (q.Kind is not (QuestionKinds.Scale or QuestionKinds.Text)) problems.Add($"'{q.Id}': kind phải là scale hoặc text. kind must be scale or text.");
            if (string.IsNullOrWhiteSpace(q.Text)) problems.Add($"'{q.Id}': cần nội dung câu hỏi. text is required.");
            if (q.Labels is { Count: not 5 }) problems.Add($"'{q.Id}': thang 1–5 cần đúng 5 nhãn. A 1–5 scale takes five labels.");
        }
        if (e.Questions.GroupBy(q => q.Id).Any(g => g.Count() > 1)) problems.Add("Mã câu hỏi bị trùng. Question ids must be unique.");
        if (problems.Count > 0) errors["questions"] = problems.ToArray();
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,59}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex QuestionIdPattern();
}
