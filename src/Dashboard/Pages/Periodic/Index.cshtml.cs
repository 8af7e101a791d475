using Dapper;
using Directive58.Dashboard.Accounts;
using Directive58.Dashboard.Export;
using Directive58.Dashboard.Localisation;
using Directive58.Dashboard.Periodic;
using Directive58.Dashboard.Storage;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Periodic;

/// <summary>
/// The monthly or six-monthly summary of the user's unit: reports by topic and risk, hot spots opened
/// by level, how they ended and how long resolving took, how fast alerts were acknowledged, and the
/// survey round of the period (SurveySection). A printable page and an XLSX file.
/// </summary>
public sealed class IndexModel(Database database, TimeProvider clock, Lang lang, QuestionnaireStore questionnaires, SurveyResults surveys) : PageModel
{
    public sealed record Summary(
        ReportingPeriod Period, long Reports, IReadOnlyList<(string Topic, long Count)> Topics, IReadOnlyList<(string Risk, long Count)> Risks,
        IReadOnlyList<(string Level, long Count)> HotSpotsOpened, IReadOnlyList<(string Outcome, long Count)> Outcomes,
        long Closed, double? MedianResolutionHours, long Alerts, long AcknowledgedInTime, double? MedianAcknowledgeHours,
        IReadOnlyList<SurveySection> Surveys);

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    public Summary Data { get; private set; } = null!;
    public IReadOnlyList<string> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var period = Resolve();
        if (period is null) return NotFound();
        Data = await SummariseAsync(period);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        var period = Resolve();
        if (period is null) return NotFound();
        var d = await SummariseAsync(period);
        var summary = new Sheet(lang["Tổng hợp", "Summary"], [lang["chỉ số", "measure"], lang["giá trị", "value"]],
        [
            [lang["kỳ", "period"], d.Period.Id], [lang["số báo cáo", "reports"], d.Reports], [lang["điểm nóng đã đóng", "hot spots closed"], d.Closed],
            [lang["thời gian giải quyết trung vị (giờ)", "median resolution (hours)"], d.MedianResolutionHours],
            [lang["cảnh báo", "alerts"], d.Alerts], [lang["xác nhận đúng hạn", "acknowledged in time"], d.AcknowledgedInTime],
            [lang["thời gian xác nhận trung vị (giờ)", "median acknowledgement (hours)"], d.MedianAcknowledgeHours],
        ]);
        var topics = new Sheet(lang["Chủ đề", "Topics"], [lang["chủ đề", "topic"], lang["số báo cáo", "reports"]], d.Topics.Select(t => (IReadOnlyList<object?>)[lang.Topic(t.Topic), t.Count]).ToList());
        var risks = new Sheet(lang["Rủi ro", "Risk"], [lang["mức", "risk"], lang["số báo cáo", "reports"]], d.Risks.Select(t => (IReadOnlyList<object?>)[lang.Risk(t.Risk), t.Count]).ToList());
        var spots = new Sheet(lang["Điểm nóng", "Hot spots"], [lang["mức", "level"], lang["số mở mới", "opened"]], d.HotSpotsOpened.Select(t => (IReadOnlyList<object?>)[lang.Level(t.Level), t.Count]).ToList());
        var outcomes = new Sheet(lang["Kết quả", "Outcomes"], [lang["kết quả", "outcome"], lang["số", "count"]], d.Outcomes.Select(t => (IReadOnlyList<object?>)[t.Outcome, t.Count]).ToList());
        return File(Sheet.ToXlsx(summary, topics, risks, spots, outcomes, SurveySection.ToSheet(d.Surveys, lang)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"bao-cao-dinh-ky-{d.Period.Id}.xlsx");
    }

    private ReportingPeriod? Resolve()
    {
        var now = clock.GetUtcNow();
        Choices = ReportingPeriod.RecentChoices(now);
        return Period is null ? ReportingPeriod.LastMonth(now) : ReportingPeriod.Parse(Period);
    }

    private async Task<Summary> SummariseAsync(ReportingPeriod period)
    {
        await using var connection = await database.OpenAsync(HttpContext.RequestAborted);
        var scope = await ScopeFilter.ForAsync(connection, User);
        // Periods start and end at midnight in Vietnam, so the classifier's daily counts cover them exactly.
        var p = new { codes = scope.Codes, start = period.Start, end = period.End, startDay = VietnamDay.Of(period.Start), endDay = VietnamDay.Of(period.End) };
        var reports = await connection.ExecuteScalarAsync<long>($"select count(*) from reports where occurred_at >= @start and occurred_at < @end and {scope.On("workplace_code")}", p);
        var inPeriod = $"day >= @startDay and day < @endDay and {scope.On("workplace_code")}";
        var topics = (await connection.QueryAsync<(string, long)>($"select topic, sum(reports) from report_daily_counts where {inPeriod} group by topic order by sum(reports) desc, topic", p)).ToList();
        var risks = (await connection.QueryAsync<(string, long)>($"select risk, sum(reports) from report_daily_counts where {inPeriod} group by risk", p))
            .OrderBy(r => Contracts.Taxonomy.Risks.ToList().IndexOf(r.Item1)).ToList();
        var opened = (await connection.QueryAsync<(string, long)>(
            $"select level, count(*) from hotspots where opened_at >= @start and opened_at < @end and {scope.On("workplace_code")} group by level", p)).ToList();
        var closed = (await connection.QueryAsync<Timing>(
            $"select outcome as Label, {SqlDates.Seconds(database, "opened_at", "closed_at")} as Seconds, 1 as InTime from hotspots where closed_at >= @start and closed_at < @end and {scope.On("workplace_code")}", p)).ToList();
        var alerts = (await connection.QueryAsync<Timing>(
            $"""
            select level as Label, {SqlDates.Seconds(database, "raised_at", "acknowledged_at")} as Seconds,
                   case when acknowledged_at is not null and acknowledged_at <= due_at then 1 else 0 end as InTime
            from alerts where raised_at >= @start and raised_at < @end and {scope.On("workplace_code")}
            """, p)).ToList();
        return new Summary(period, reports, topics, risks, opened,
            closed.GroupBy(c => c.Label ?? "—").Select(g => (g.Key, (long)g.Count())).ToList(), closed.Count,
            ReportingPeriod.Median(closed.Where(c => c.Seconds is not null).Select(c => c.Seconds!.Value / 3600)),
            alerts.Count, alerts.Count(a => a.InTime == 1), ReportingPeriod.Median(alerts.Where(a => a.Seconds is not null).Select(a => a.Seconds!.Value / 3600)),
            await SurveySection.LoadAsync(questionnaires, surveys, period, scope.Visible, HttpContext.RequestAborted));
    }

    private sealed record Timing
    {
        public string? Label { get; init; }
        public double? Seconds { get; init; }
        public long InTime { get; init; }
    }
}
