using Directive58.Surveys.Questionnaires;

namespace Directive58.Surveys.Import;

/// <summary>
/// Reads a 1–5 answer as the common tools export it: "4", "4.0", "4 - Hài lòng", or the label
/// itself ("Hài lòng", "hai long"). Empty is a skipped question, not an error.
/// </summary>
public static class ScaleAnswer
{
    public enum Outcome { Empty, Value, Invalid }

    public static Outcome Parse(string? cell, Question question, out int value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(cell)) return Outcome.Empty;
        var text = cell.Trim();
        if (text[0] is >= '0' and <= '9')
        {
            var digits = text.TakeWhile(char.IsAsciiDigit).Count();
            var rest = text[digits..].TrimStart();
            var number = int.Parse(text[..digits]);
            // "4", "4.0" (spreadsheets), "4 - Hài lòng", "4. Hài lòng"
            var acceptable = rest.Length == 0 || rest.StartsWith(".0") && rest.TrimEnd('0') == "." || rest[0] is '-' or '.' or ':' or ')' or '–';
            if (acceptable && number is >= 1 and <= 5) { value = number; return Outcome.Value; }
            return Outcome.Invalid;
        }
        if (question.Labels is { } labels)
        {
            var folded = IdentifyingColumns.Fold(text);
            for (var i = 0; i < labels.Count; i++)
                if (IdentifyingColumns.Fold(labels[i]) == folded) { value = i + 1; return Outcome.Value; }
        }
        return Outcome.Invalid;
    }
}
