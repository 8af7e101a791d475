namespace Directive58.Surveys.Questionnaires;

/// <summary>
/// A questionnaire: its questions are identified by short ids that name the CSV template's columns
/// and the keys of stored scores, so editing a question's wording keeps its earlier answers.
/// </summary>
public sealed record Questionnaire
{
    public Guid Id { get; init; }
    public required string Code { get; init; }
    public required string Title { get; init; }
    public string? TitleEn { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public IEnumerable<Question> Scales => Questions.Where(q => q.Kind == QuestionKinds.Scale);

    public IEnumerable<Question> Texts => Questions.Where(q => q.Kind == QuestionKinds.Text);
}

/// <summary>
/// A scale question is answered 1–5 (Labels names the five points, 1 first); a text question is
/// free text. Dimension "satisfaction" questions make up the overall index; others stand alone.
/// </summary>
public sealed record Question
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public string? TextEn { get; init; }
    public string? Dimension { get; init; }
    public IReadOnlyList<string>? Labels { get; init; }
}

public static class QuestionKinds
{
    public const string Scale = "scale";
    public const string Text = "text";
}

public static class Dimensions
{
    public const string Satisfaction = "satisfaction";
    public const string Retention = "retention";
    public const string Overall = "overall";
}
