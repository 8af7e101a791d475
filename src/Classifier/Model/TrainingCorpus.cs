using System.Security.Cryptography;

namespace Directive58.Classifier.Model;

/// <summary>
/// Every *.jsonl file of a folder, read in ordinal file-name order, split into training and held-out
/// texts by a hash of the id, with a SHA-256 of the files so a model records exactly what it learned from.
/// </summary>
public sealed record TrainingCorpus(IReadOnlyList<LabeledText> Training, IReadOnlyList<LabeledText> HeldOut, string Sha256)
{
    public static TrainingCorpus Load(string folder, TextWriter warnings)
    {
        var files = Directory.GetFiles(folder, "*.jsonl").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new FileNotFoundException($"No *.jsonl files in {folder}.");
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var texts = new List<LabeledText>();
        foreach (var file in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
            texts.AddRange(LabeledText.ReadLines(file, warnings));
        }
        return new TrainingCorpus(
            texts.Where(t => !IsHeldOut(t.Id)).ToList(), texts.Where(t => IsHeldOut(t.Id)).ToList(),
            Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>About one text in ten, fixed forever by its id: FNV-1a(id) mod 10 = 0.</summary>
    public static bool IsHeldOut(string id) => StableHash.Fnv1a(id) % 10 == 0;
}
