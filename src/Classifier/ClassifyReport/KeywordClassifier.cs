using System.Globalization;
using System.Text;

namespace Directive58.Classifier.ClassifyReport;

/// <summary>
/// Rule-based placeholder used until a trained model file is present: it knows only the words
/// that unmistakably mark collective action and a few grievances, on the diacritic-free text.
/// </summary>
public sealed class KeywordClassifier : IReportClassifier
{
    private static readonly (string Phrase, string Topic)[] TopicWords =
    [
        ("luong", "wages"), ("bhxh", "social_insurance"), ("bao hiem", "social_insurance"), ("tang ca", "working_time"),
        ("tai nan", "safety_health"), ("ngo doc", "safety_health"), ("sa thai", "employment"), ("bo tron", "employment"),
        ("chui", "management_conduct"), ("phong tro", "living_conditions"), ("cong doan", "union_relations"),
    ];

    private static readonly string[] CriticalWords = ["ngung viec", "dinh cong", "lan cong", "bo tron", "tu vong", "ngo doc"];
    private static readonly string[] ElevatedWords = ["no luong", "cham luong", "nhieu cong nhan", "ca xuong", "hang tram", "no bhxh"];

    public string ModelVersion => "keywords-0";

    public Prediction Classify(string text)
    {
        var folded = Fold(text);
        var topic = TopicWords.FirstOrDefault(w => folded.Contains(w.Phrase)).Topic ?? "none";
        var risk = CriticalWords.Any(folded.Contains) ? "critical" : ElevatedWords.Any(folded.Contains) ? "elevated" : topic == "none" ? "none" : "low";
        return new Prediction(topic, risk, OneHot(Contracts.Taxonomy.Topics, topic), OneHot(Contracts.Taxonomy.Risks, risk), []);
    }

    private static Dictionary<string, double> OneHot(IEnumerable<string> labels, string chosen) =>
        labels.ToDictionary(l => l, l => l == chosen ? 1.0 : 0.0);

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c == 'đ' ? 'd' : c);
        }
        return builder.ToString();
    }
}
