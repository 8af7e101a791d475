using Directive58.Classifier.Model;

namespace Directive58.Classifier.Tests.Model;

public class TextFeaturizerTests
{
    private static readonly FeaturizerOptions Options = new(HashBits: 18, CharMin: 3, CharMax: 5, CharShare: 0.5);

    [Fact]
    public void Every_feature_index_is_the_fnv_hash_of_its_name_within_the_space()
    {
        var names = new Dictionary<int, string>();
        var vector = new TextFeaturizer(Options).Featurize(VietnameseNormalizer.Normalize("Công nhân ngừng việc tập thể"), names);

        Assert.Equal(vector.Indices.Order(), names.Keys.Order());
        Assert.All(names, pair => Assert.Equal(pair.Key, (int)(StableHash.Fnv1a(pair.Value) % (uint)Options.Dimension)));
        Assert.Contains("w:ngung viec", names.Values);
        Assert.Contains("w:ngung", names.Values);
        Assert.Contains("c:ung v", names.Values);
    }

    [Fact]
    public void A_vector_has_increasing_indices_and_unit_length()
    {
        var vector = new TextFeaturizer(Options).Featurize(VietnameseNormalizer.Normalize("nợ lương nợ lương nợ lương, anh em bức xúc"));

        Assert.True(vector.Indices.Zip(vector.Indices.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(1.0, Math.Sqrt(vector.Values.Sum(v => (double)v * v)), precision: 5);
    }

    [Fact]
    public void Two_featurizers_give_the_same_vector_for_the_same_text()
    {
        var text = VietnameseNormalizer.Normalize("Cty nợ BHXH 6 tháng");

        var first = new TextFeaturizer(Options).Featurize(text);
        var second = new TextFeaturizer(Options with { }).Featurize(text);

        Assert.Equal(first.Indices, second.Indices);
        Assert.Equal(first.Values, second.Values);
    }

    [Fact]
    public void Character_share_moves_weight_between_syllable_and_character_features()
    {
        var text = VietnameseNormalizer.Normalize("tăng ca");
        var names = new Dictionary<int, string>();
        var wordsOnly = new TextFeaturizer(Options with { CharShare = 0 }).Featurize(text, names);

        var nonZero = wordsOnly.Indices.Where((_, i) => wordsOnly.Values[i] != 0).Select(i => names[i]).ToList();
        Assert.All(nonZero, name => Assert.StartsWith("w:", name));
        Assert.Equal(3, nonZero.Count);
    }

    [Fact]
    public void An_empty_text_gives_an_empty_vector()
    {
        Assert.Equal(0, new TextFeaturizer(Options).Featurize(VietnameseNormalizer.Normalize("  ...  ")).Count);
    }
}
