using System.Text.Json;
using Directive58.Classifier.Model;
using Directive58.Contracts;

namespace Directive58.Classifier.Tests.Model;

/// <summary>
/// A small, perfectly separable corpus: every text carries one phrase that names its topic and one
/// that names its risk, among shared filler words. Generated from a seeded Random, so always the same.
/// </summary>
public static class SyntheticCorpus
{
    private static readonly Dictionary<string, string> TopicPhrases = new()
    {
        ["wages"] = "nợ lương", ["social_insurance"] = "bảo hiểm xã hội", ["working_time"] = "tăng ca",
        ["safety_health"] = "tai nạn", ["employment"] = "sa thải", ["management_conduct"] = "quản lý chửi bới",
        ["living_conditions"] = "phòng trọ", ["union_relations"] = "công đoàn cơ sở", ["none"] = "bóng đá",
    };

    private static readonly Dictionary<string, string> RiskPhrases = new()
    {
        ["none"] = "thông báo", ["low"] = "em hỏi riêng", ["elevated"] = "nhiều anh em bức xúc", ["critical"] = "ngừng việc tập thể",
    };

    private static readonly string[] Fillers = ["hôm nay", "ở xưởng", "tại khu công nghiệp", "mọi người", "thật sự", "tuần này", "bên em", "nhà máy"];

    public static string Text(string topic, string risk, Random random) =>
        $"{Pick(random)} {TopicPhrases[topic]} {Pick(random)} {RiskPhrases[risk]} {Pick(random)}";

    public static List<LabeledText> Generate(int perCombination = 5, int seed = 7)
    {
        var random = new Random(seed);
        var texts = new List<LabeledText>();
        foreach (var topic in Taxonomy.Topics)
            foreach (var risk in Taxonomy.Risks)
                for (var i = 0; i < perCombination; i++)
                    texts.Add(new LabeledText($"syn-{texts.Count:D4}", Text(topic, risk, random), topic, risk));
        return texts;
    }

    /// <summary>Writes the texts as a training folder with one *.jsonl file and returns the folder.</summary>
    public static string WriteFolder(IEnumerable<LabeledText> texts)
    {
        var folder = Directory.CreateTempSubdirectory("d58-corpus-").FullName;
        File.WriteAllLines(Path.Combine(folder, "synthetic.jsonl"), texts.Select(t =>
            JsonSerializer.Serialize(new { id = t.Id, text = t.Text, topic = t.Topic, risk = t.Risk, voice = "survey" })));
        return folder;
    }

    private static string Pick(Random random) => Fillers[random.Next(Fillers.Length)];
}
