using System.Text.Json;
using Directive58.Classifier.Model;
using Directive58.Contracts;

namespace Directive58.Classifier.Tests.Model;

/// <summary>Checks the committed training corpus (data/training/*.jsonl at the repository root).</summary>
public class TrainingDataTests
{
    private const double MaxBigramOverlap = 0.8;

    [CorpusFact]
    public void Every_line_has_an_id_a_text_and_valid_taxonomy_labels()
    {
        var problems = new List<string>();
        var ids = new HashSet<string>();
        foreach (var (file, number, line) in CorpusLines())
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var where = $"{Path.GetFileName(file)}:{number}";
            if (!root.TryGetProperty("id", out var id) || !ids.Add(id.ToString())) problems.Add($"{where}: missing or duplicate id");
            if (!root.TryGetProperty("text", out var text) || string.IsNullOrWhiteSpace(text.GetString())) problems.Add($"{where}: no text");
            if (!Taxonomy.Topics.Contains(Label(root, "topic"))) problems.Add($"{where}: topic '{Label(root, "topic")}'");
            if (!Taxonomy.Risks.Contains(Label(root, "risk"))) problems.Add($"{where}: risk '{Label(root, "risk")}'");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
    }

    [CorpusFact]
    public void No_two_texts_share_more_than_80_percent_of_their_word_bigrams()
    {
        var texts = CorpusLines().Select(l => JsonDocument.Parse(l.Line).RootElement)
            .Select(e => (Id: e.GetProperty("id").ToString(), Bigrams: WordBigrams(e.GetProperty("text").GetString() ?? ""))).ToList();
        var nearDuplicates = NearDuplicates(texts.Select(t => t.Bigrams).ToList())
            .Select(p => $"{texts[p.First].Id} ~ {texts[p.Second].Id}: {p.Overlap:p0}").ToList();

        Assert.True(nearDuplicates.Count == 0, $"{nearDuplicates.Count} near-duplicate pairs:\n" + string.Join("\n", nearDuplicates.Take(50)));
    }

    /// <summary>Pairs whose shared bigrams exceed the threshold of the smaller set; an inverted index avoids comparing every pair.</summary>
    public static IEnumerable<(int First, int Second, double Overlap)> NearDuplicates(IReadOnlyList<HashSet<string>> bigramSets)
    {
        var postings = new Dictionary<string, List<int>>();
        for (var i = 0; i < bigramSets.Count; i++)
            foreach (var bigram in bigramSets[i])
                (postings.TryGetValue(bigram, out var list) ? list : postings[bigram] = []).Add(i);
        for (var i = 0; i < bigramSets.Count; i++)
        {
            var shared = new Dictionary<int, int>();
            foreach (var bigram in bigramSets[i])
                foreach (var j in postings[bigram])
                    if (j > i) shared[j] = shared.GetValueOrDefault(j) + 1;
            foreach (var (j, count) in shared.OrderBy(p => p.Key))
            {
                var overlap = count / (double)Math.Min(bigramSets[i].Count, bigramSets[j].Count);
                if (overlap > MaxBigramOverlap) yield return (i, j, overlap);
            }
        }
    }

    public static HashSet<string> WordBigrams(string text)
    {
        var syllables = DiacriticFolding.Strip(text.ToLowerInvariant())
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();
        return syllables.Zip(syllables.Skip(1), (a, b) => $"{a} {b}").ToHashSet();
    }

    private static string? Label(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<(string File, int Number, string Line)> CorpusLines() =>
        CorpusFactAttribute.CorpusFiles().SelectMany(file => File.ReadLines(file)
            .Select((line, index) => (file, index + 1, line)).Where(l => !string.IsNullOrWhiteSpace(l.line)));
}

/// <summary>A fact that runs only when the repository has training files, and says so when it skips.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (CorpusFiles().Length == 0) Skip = "No data/training/*.jsonl in this checkout (the corpus is merged on main); nothing to check.";
    }

    public static string[] CorpusFiles()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Directive58Sentiment.sln"))) folder = folder.Parent;
        var training = folder is null ? null : Path.Combine(folder.FullName, "data", "training");
        return training is not null && Directory.Exists(training) ? Directory.GetFiles(training, "*.jsonl").Order(StringComparer.Ordinal).ToArray() : [];
    }
}
