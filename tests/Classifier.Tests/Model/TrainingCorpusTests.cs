using Directive58.Classifier.Model;

namespace Directive58.Classifier.Tests.Model;

public class TrainingCorpusTests
{
    [Fact]
    public void About_one_id_in_ten_is_held_out_and_always_the_same_ones()
    {
        var ids = Enumerable.Range(0, 5000).Select(i => $"wi-{i:D4}").ToList();

        var heldOut = ids.Where(TrainingCorpus.IsHeldOut).ToList();

        Assert.InRange(heldOut.Count, 400, 600);
        Assert.All(heldOut, id => Assert.Equal(0u, StableHash.Fnv1a(id) % 10));
        Assert.Equal(heldOut, ids.Where(TrainingCorpus.IsHeldOut).ToList());
    }

    [Fact]
    public void Loading_a_folder_splits_by_id_and_hashes_the_files()
    {
        var texts = SyntheticCorpus.Generate(perCombination: 3);
        var folder = SyntheticCorpus.WriteFolder(texts);
        try
        {
            var first = TrainingCorpus.Load(folder, TextWriter.Null);
            File.AppendAllText(Path.Combine(folder, "synthetic.jsonl"), "{broken\n");
            var warnings = new StringWriter();
            var second = TrainingCorpus.Load(folder, warnings);

            Assert.Equal(texts.Count, first.Training.Count + first.HeldOut.Count);
            Assert.All(first.HeldOut, t => Assert.True(TrainingCorpus.IsHeldOut(t.Id)));
            Assert.DoesNotContain(first.Training, t => TrainingCorpus.IsHeldOut(t.Id));
            Assert.NotEqual(first.Sha256, second.Sha256);
            Assert.Equal(first.Training.Count, second.Training.Count);
            Assert.Contains($"synthetic.jsonl:{texts.Count + 1}", warnings.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
