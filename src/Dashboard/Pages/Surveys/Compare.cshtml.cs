using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using Microsoft.AspNetCore.Mvc;

namespace Directive58.Dashboard.Pages.Surveys;

/// <summary>Units side by side in one wave — overall and per-dimension indices with the change since the previous wave.</summary>
public sealed class CompareModel(Database database, QuestionnaireStore questionnaires, SurveyTallies tallies, SurveyResults results) : SurveyPage(database, questionnaires, tallies)
{
    [BindProperty(SupportsGet = true)] public string Level { get; set; } = UnitLevels.Workplace;

    public IReadOnlyList<UnitResult> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadSurveyAsync();
        if (!UnitLevels.All.Contains(Level)) Level = UnitLevels.Workplace;
        if (Survey is null || Wave is null) return;
        Rows = (await results.IndicesAsync(Survey.Id, Wave, Level, Visible, HttpContext.RequestAborted) ?? [])
            .OrderBy(r => r.Suppressed).ThenBy(r => r.OverallIndex).ToList();
    }
}
