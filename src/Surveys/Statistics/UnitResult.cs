using System.Text.Json.Serialization;
using Directive58.Surveys.Questionnaires;

namespace Directive58.Surveys.Statistics;

/// <summary>A change against the previous wave: index points and Welch's test on the raw scores.</summary>
public sealed record Change(string PreviousWave, double PreviousIndex, double Difference, double? T, double? DegreesOfFreedom, double? PValue, bool Significant);

public sealed record QuestionResult(
    string Id, string Text, string? Dimension, bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? N,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mean,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? StandardDeviation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Index,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int?>? Distribution,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Change? Change);

/// <summary>
/// One unit's results in one wave. When the unit has fewer than five respondents it carries only
/// "suppressed": true and a message — no count, no score, nothing that could be subtracted.
/// </summary>
public sealed record UnitResult(
    Guid SurveyId, string Wave, Unit Unit, bool Suppressed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Respondents,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? OverallIndex,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Change? OverallChange,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<QuestionResult>? Questions,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message)
{
    public const string SuppressedMessage = "Ít hơn 5 người trả lời: không hiển thị để giữ ẩn danh. Fewer than 5 respondents: withheld to keep answers anonymous.";

    public static UnitResult Build(Questionnaire q, string wave, Unit unit, UnitTally tally, string? previousWave, UnitTally? previous, double alpha, bool distributions = true)
    {
        if (!SmallGroups.CanShow(tally.Respondents)) return new UnitResult(q.Id, wave, unit, true, null, null, null, null, SuppressedMessage);
        var comparable = previousWave is not null && previous is not null && SmallGroups.CanShow(previous.Respondents);
        var questions = new List<QuestionResult>();
        foreach (var question in q.Scales)
        {
            var t = tally.Questions.GetValueOrDefault(question.Id);
            if (t is null || !SmallGroups.CanShow(t.Moments.N))
            {
                questions.Add(new QuestionResult(question.Id, question.Text, question.Dimension, true, null, null, null, null, null, null));
                continue;
            }
            var before = comparable ? previous!.Questions.GetValueOrDefault(question.Id) : null;
            questions.Add(new QuestionResult(question.Id, question.Text, question.Dimension, false, t.Moments.N, Round(t.Moments.Mean, 3),
                Round(t.Moments.StandardDeviation, 3), Round(t.Moments.Index, 1), distributions ? SmallGroups.SuppressCells(t.Counts) : null,
                before is not null && SmallGroups.CanShow(before.Moments.N) ? ChangeOf(previousWave!, before.Moments, t.Moments, alpha) : null));
        }
        var overall = tally.Overall.N > 0 ? Round(tally.Overall.Index, 1) : (double?)null;
        var overallChange = comparable && previous!.Overall.N >= SmallGroups.Minimum && tally.Overall.N > 0 ? ChangeOf(previousWave!, previous.Overall, tally.Overall, alpha) : null;
        return new UnitResult(q.Id, wave, unit, false, tally.Respondents, overall, overallChange, questions, null);
    }

    public static Change ChangeOf(string previousWave, Moments before, Moments now, double alpha)
    {
        var test = WelchTest.Compare(before, now);
        return new Change(previousWave, Round(before.Index, 1), Round(now.Index - before.Index, 1), test?.T is { } t && double.IsFinite(t) ? Round(t, 3) : null,
            test?.DegreesOfFreedom is { } df ? Round(df, 2) : null, test?.PValue is { } p ? Round(p, 4) : null, test is not null && test.PValue < alpha);
    }

    private static double Round(double value, int digits) => double.IsFinite(value) ? Math.Round(value, digits) : value;
}
