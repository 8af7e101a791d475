using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using Microsoft.AspNetCore.Mvc;

namespace Directive58.Dashboard.Pages.Surveys;

/// <summary>One wave's results for a unit (a workplace, zone, the province, or everything visible): indices, distributions, change since the previous wave.</summary>
public sealed class ResultsModel(Database database, QuestionnaireStore questionnaires, SurveyTallies tallies, SurveyResults results) : SurveyPage(database, questionnaires, tallies)
{
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public UnitResult? Result { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadSurveyAsync();
        if (Level is not null && !UnitLevels.All.Contains(Level)) Level = null;
        if (Level is not null) Units = (await Tallies.UnitsAsync(Level, Visible, HttpContext.RequestAborted)).Select(u => u.Unit).ToList();
        if (Level is not null && !Units.Any(u => u.Code == Code)) Code = Units.FirstOrDefault()?.Code;
        if (Survey is null || Wave is null) return;
        // "Everything" for a scoped user is everything they may see: ForUnitAsync limits the tally to those workplaces.
        Result = await results.ForUnitAsync(Survey.Id, Wave, Level, Code, Visible, HttpContext.RequestAborted);
    }

    /// <summary>Widths for the five distribution segments; a withheld count gets an equal share of what is left, with no number.</summary>
    public static IEnumerable<(int Score, double Percent, string Label)> Segments(IReadOnlyList<int?> distribution, int n)
    {
        var shownTotal = distribution.Sum(c => c ?? 0);
        var hidden = distribution.Count(c => c is null);
        for (var i = 0; i < distribution.Count; i++)
        {
            var c = distribution[i];
            var percent = c is { } count ? 100.0 * count / n : 100.0 * (n - shownTotal) / n / hidden;
            yield return (i + 1, percent, c is { } shown ? shown.ToString() : "<5");
        }
    }
}
