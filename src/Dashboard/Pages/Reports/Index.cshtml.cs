using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Export;
using Directive58.Dashboard.Localisation;
using Directive58.Dashboard.Reports;
using Directive58.Dashboard.Search;
using Directive58.ServiceDefaults.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Reports;

/// <summary>
/// The reports inbox of the user's unit: search ignoring diacritics, filters, paging, and export of
/// everything that matches to CSV or XLSX. The list shows the start of each text; the full text is
/// on the report's page (audited). An export carries full texts and is audited as one entry.
/// </summary>
public sealed class IndexModel(Database database, ReportSearch search, AuditLog audit, Lang lang) : PageModel
{
    public const int PageSize = 50;
    public const int MaxExport = 50_000;

    [BindProperty(SupportsGet = true)] public InboxFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<InboxFilter.Row> Rows { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Workplaces { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Zones { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> Communes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        Rows = await Filter.QueryAsync(connection, User, search, (PageNumber - 1) * PageSize, PageSize + 1);
        var scope = await ScopeFilter.ForAsync(connection, User);
        Workplaces = (await connection.QueryAsync<(string, string)>($"select code, name from workplaces where {scope.On("code")} order by code", new { codes = scope.Codes })).ToList();
        Zones = (await connection.QueryAsync<(string, string)>("select code, name from industrial_zones order by name")).ToList();
        Communes = (await connection.QueryAsync<(string, string)>("select code, name from communes order by name")).ToList();
    }

    public async Task<IActionResult> OnGetCsvAsync() => File((await ExportAsync()).ToCsv(), "text/csv; charset=utf-8", FileName("csv"));

    public async Task<IActionResult> OnGetXlsxAsync() =>
        File(Sheet.ToXlsx(await ExportAsync()), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));

    private async Task<Sheet> ExportAsync()
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var rows = await Filter.QueryAsync(connection, User, search, 0, MaxExport);
        await audit.RecordAsync(User, "export-report-texts", $"{rows.Count} reports; {Request.QueryString}", HttpContext.RequestAborted);
        return new Sheet(lang["Báo cáo", "Reports"],
            ["id", lang["thời điểm", "occurred_at"], lang["mã nơi làm việc", "workplace_code"], lang["nơi làm việc", "workplace"], lang["kênh", "channel"],
             lang["chủ đề", "topic"], lang["rủi ro", "risk"], lang["nội dung", "text"]],
            rows.Select(r => (IReadOnlyList<object?>)[r.Id.ToString(), r.OccurredAt, r.WorkplaceCode, r.WorkplaceName, r.Channel, r.Topic, r.Risk, r.Text]).ToList());
    }

    private static string FileName(string extension) => $"bao-cao-{DateTime.UtcNow:yyyyMMdd-HHmm}.{extension}";

    public static string Snippet(string text, int length = 140) => text.Length <= length ? text : text[..length].TrimEnd() + "…";
}
