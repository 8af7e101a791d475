using Directive58.Dashboard.Accounts;
using Directive58.ServiceDefaults.Storage;
using Directive58.Surveys.Questionnaires;
using Directive58.Surveys.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Directive58.Dashboard.Pages.Surveys;

/// <summary>What the survey pages share: the questionnaire and wave chosen, and the workplaces the user may see.</summary>
public abstract class SurveyPage(Database database, QuestionnaireStore questionnaires, SurveyTallies tallies) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? SurveyId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Wave { get; set; }

    public IReadOnlyList<Questionnaire> Questionnaires { get; private set; } = [];
    public Questionnaire? Survey { get; private set; }
    public IReadOnlyList<string> Waves { get; private set; } = [];

    /// <summary>The workplaces under the user's unit; null when they see the whole province.</summary>
    public IReadOnlySet<string>? Visible { get; private set; }

    protected Database Database => database;
    protected SurveyTallies Tallies => tallies;

    protected async Task LoadSurveyAsync()
    {
        var ct = HttpContext.RequestAborted;
        Questionnaires = await questionnaires.ListAsync(ct);
        Survey = Questionnaires.FirstOrDefault(q => q.Id == SurveyId) ?? Questionnaires.FirstOrDefault(q => q.Id == DefaultQuestionnaire.Id) ?? Questionnaires.FirstOrDefault();
        SurveyId = Survey?.Id;
        if (Survey is not null) Waves = await tallies.WavesAsync(Survey.Id, ct);
        if (Wave is null || !Waves.Contains(Wave)) Wave = Waves.LastOrDefault();
        await using var connection = await database.OpenAsync(ct);
        Visible = await UnitScope.WorkplacesAsync(connection, User);
    }

    public static string Format(double? value, string format = "0.0") => value is { } v && double.IsFinite(v) ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "–";
}
