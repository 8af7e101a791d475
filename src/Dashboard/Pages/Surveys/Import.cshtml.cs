using Directive58.ServiceDefaults.Security;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Import;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using Microsoft.AspNetCore.Mvc;

namespace Directive58.Dashboard.Pages.Surveys;

/// <summary>
/// Upload a CSV or XLSX file → (if its columns are not recognised) map them → watch the import run
/// → read the per-row error report. Officers only; rows for workplaces outside their unit are rejected.
/// </summary>
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class ImportModel(Database database, QuestionnaireStore questionnaires, SurveyTallies tallies, ImportJobs jobs) : SurveyPage(database, questionnaires, tallies)
{
    private const long MaxBytes = 200L * 1024 * 1024;

    [BindProperty(SupportsGet = true)] public Guid? Job { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? WorkplaceCode { get; set; }
    /// <summary>The wave for files without a wave column (a new wave, unlike the page's Wave, which must exist).</summary>
    [BindProperty] public string? ImportWave { get; set; }
    [BindProperty] public Dictionary<string, string> Mapping { get; set; } = [];

    public ImportJobs.Job? Current { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Roles.Officers.Any(User.IsInRole)) return Forbid();
        await LoadSurveyAsync();
        Current = Job is { } id ? jobs.Find(id) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync()
    {
        if (!Roles.Officers.Any(User.IsInRole)) return Forbid();
        await LoadSurveyAsync();
        if (Survey is null || Upload is null || Upload.Length == 0)
        {
            Error = "Chọn bảng hỏi và tệp CSV/XLSX. Choose a questionnaire and a CSV/XLSX file.";
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        var file = await UploadedFile.SaveAsync(stream, MaxBytes, HttpContext.RequestAborted);
        var job = jobs.Start(BuildRequest(Upload.FileName, null), file!);
        return RedirectToPage(new { job = job.Id, surveyId = SurveyId });
    }

    public async Task<IActionResult> OnPostMapAsync()
    {
        if (!Roles.Officers.Any(User.IsInRole)) return Forbid();
        await LoadSurveyAsync();
        if (Job is not { } id || jobs.Find(id) is not { } earlier || Survey is null) return RedirectToPage();
        var job = jobs.Remap(id, BuildRequest(earlier.Request.FileName, Mapping.ToDictionary(m => m.Key, m => m.Value ?? "")) with { Source = earlier.Request.Source ?? Source });
        return job is null ? RedirectToPage() : RedirectToPage(new { job = job.Id, surveyId = SurveyId });
    }

    private ImportRequest BuildRequest(string? fileName, IReadOnlyDictionary<string, string>? mapping) => new(
        Survey!.Id, fileName, mapping, string.IsNullOrWhiteSpace(Source) ? null : Source, string.IsNullOrWhiteSpace(WorkplaceCode) ? null : WorkplaceCode.Trim(),
        string.IsNullOrWhiteSpace(ImportWave) ? null : ImportWave.Trim(), User.Identity?.Name, Visible);

    /// <summary>The targets a column can feed, for the mapping step.</summary>
    public IEnumerable<(string Value, string Label)> Targets() =>
        new[] { ("", "— bỏ qua / ignore —"), (QuestionnaireEndpoints.WorkplaceColumn, "Mã nơi làm việc / workplace code"), (QuestionnaireEndpoints.WaveColumn, "Đợt khảo sát / wave") }
            .Concat(Survey!.Questions.Select(q => (q.Id, $"{q.Id}: {q.Text}")));
}
