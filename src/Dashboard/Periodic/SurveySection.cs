using Directive58.Dashboard.Export;
using Directive58.Dashboard.Localisation;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;

namespace Directive58.Dashboard.Periodic;

/// <summary>
/// The survey part of the periodic report: for each questionnaire answered in the period's survey round
/// (the half-year it falls in, see <see cref="ReportingPeriod.SurveyWave"/>), the results over the
/// workplaces the user sees — respondents, the overall index and each question's, and the change against
/// the previous round — computed by the survey module with its anonymity rules (nothing under five).
/// </summary>
public sealed record SurveySection(Questionnaire Survey, UnitResult Result)
{
    public static async Task<IReadOnlyList<SurveySection>> LoadAsync(
        QuestionnaireStore questionnaires, SurveyResults results, ReportingPeriod period, IReadOnlySet<string>? visible, CancellationToken ct)
    {
        var sections = new List<SurveySection>();
        foreach (var survey in await questionnaires.ListAsync(ct))
            if (await results.ForUnitAsync(survey.Id, period.SurveyWave, null, null, visible, ct) is { } result)
                sections.Add(new SurveySection(survey, result));
        return sections;
    }

    /// <summary>The question's wording in the page's language (questionnaires may carry English).</summary>
    public string Text(QuestionResult question, Lang lang) =>
        lang[question.Text, Survey.Questions.FirstOrDefault(q => q.Id == question.Id)?.TextEn ?? question.Text];

    /// <summary>One row per questionnaire's overall index and per question, withheld figures left empty.</summary>
    public static Sheet ToSheet(IReadOnlyList<SurveySection> sections, Lang lang)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var s in sections)
        {
            var title = lang[s.Survey.Title, s.Survey.TitleEn ?? s.Survey.Title];
            var r = s.Result;
            rows.Add([title, r.Wave, "overall", lang["Chỉ số hài lòng chung", "Overall satisfaction index"], r.Respondents, r.OverallIndex, .. Change(r.OverallChange, lang), Withheld(r.Suppressed, lang)]);
            foreach (var q in r.Questions ?? [])
                rows.Add([title, r.Wave, q.Id, s.Text(q, lang), q.N, q.Index, .. Change(q.Change, lang), Withheld(q.Suppressed, lang)]);
        }
        return new Sheet(lang["Khảo sát", "Survey"],
            [lang["bảng hỏi", "questionnaire"], lang["đợt", "wave"], lang["mã câu hỏi", "question id"], lang["câu hỏi", "question"],
             lang["số trả lời", "answers"], lang["chỉ số (0–100)", "index (0–100)"], lang["đợt trước", "previous wave"], lang["chỉ số đợt trước", "previous index"],
             lang["thay đổi (điểm)", "change (points)"], "p", lang["có ý nghĩa", "significant"], lang["ghi chú", "note"]],
            rows);
    }

    private static object?[] Change(Change? c, Lang lang) =>
        c is null ? [null, null, null, null, null] : [c.PreviousWave, c.PreviousIndex, c.Difference, c.PValue, c.Significant ? lang["có", "yes"] : lang["không", "no"]];

    private static string? Withheld(bool suppressed, Lang lang) =>
        suppressed ? lang["Dưới 5 người trả lời: không hiển thị", "Fewer than 5 respondents: withheld"] : null;
}
