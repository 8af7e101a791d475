using Directive58.Dashboard.Accounts;
using Dapper;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using Microsoft.AspNetCore.Mvc;

namespace Directive58.Dashboard.Pages.Surveys;

/// <summary>
/// A workplace's free-text answers in one wave, grouped by the topic the classifier gave them (joined
/// on the synthetic report id). Shown only for five respondents or more, in groups of five or more.
/// Workers' own words are read like a report's text: every showing is written to the audit log.
/// </summary>
public sealed class CommentsModel(Database database, QuestionnaireStore questionnaires, SurveyTallies tallies, AuditLog audit)
    : SurveyPage(database, questionnaires, tallies)
{
    [BindProperty(SupportsGet = true)] public string? WorkplaceCode { get; set; }

    public IReadOnlyList<Unit> Workplaces { get; private set; } = [];
    public IReadOnlyList<CommentGroups.Group> Groups { get; private set; } = [];
    public bool Withheld { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadSurveyAsync();
        var ct = HttpContext.RequestAborted;
        if (Survey is null || Wave is null) return;
        await using var connection = await Database.OpenAsync(ct);
        var withResponses = (await connection.QueryAsync<string>(
            "select distinct workplace_code from survey_responses where survey_id = @surveyId and wave = @Wave", new { surveyId = Survey.Id, Wave })).ToHashSet();
        Workplaces = (await Tallies.UnitsAsync(UnitLevels.Workplace, Visible, ct)).Select(u => u.Unit).Where(u => withResponses.Contains(u.Code)).ToList();
        if (!Workplaces.Any(w => w.Code == WorkplaceCode)) WorkplaceCode = Workplaces.FirstOrDefault()?.Code;
        if (WorkplaceCode is null) return;

        var respondents = await connection.ExecuteScalarAsync<long>(
            "select count(*) from survey_responses where survey_id = @surveyId and wave = @Wave and workplace_code = @WorkplaceCode", new { surveyId = Survey.Id, Wave, WorkplaceCode });
        if (!SmallGroups.CanShow((int)respondents)) { Withheld = true; return; }
        var comments = (await connection.QueryAsync<Row>(
            """
            select s.question_id as QuestionId, s.text, c.topic, c.risk
            from survey_comments s left join classifications c on c.report_id = s.id
            where s.survey_id = @surveyId and s.wave = @Wave and s.workplace_code = @WorkplaceCode
            order by s.id
            """, new { surveyId = Survey.Id, Wave, WorkplaceCode })).Select(r => new CommentGroups.Comment(r.QuestionId, r.Text, r.Topic, r.Risk)).ToList();
        Groups = CommentGroups.Build(comments);
        Withheld = comments.Count > 0 && Groups.Count == 0;
        if (Groups.Count > 0) await audit.RecordAsync(User, "view-survey-comments", $"{Survey.Id}/{Wave}/{WorkplaceCode}", ct);
    }

    private sealed record Row
    {
        public string QuestionId { get; init; } = null!;
        public string Text { get; init; } = null!;
        public string? Topic { get; init; }
        public string? Risk { get; init; }
    }
}
