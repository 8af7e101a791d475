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
    public void A_vector_has_distinct_indices_within_the_space_and_unit_length()
    {
        var vector = new TextFeaturizer(Options).Featurize(VietnameseNormalizer.Normalize("nợ lương nợ lương nợ lương, anh em bức xúc"));

        Assert.Equal(vector.Indices.Length, vector.Indices.Distinct().Count());
        Assert.All(vector.Indices, index => Assert.InRange(index, 0, Options.Dimension - 1));
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

    [Fact]
    public void Tone_mark_features_appear_only_for_text_written_with_diacritics()
    {
        var featurizer = new TextFeaturizer(Options with { ToneShare = 0.3 });
        var (marked, unmarked) = (new Dictionary<int, string>(), new Dictionary<int, string>());

        featurizer.Featurize(VietnameseNormalizer.Normalize("Công ty nợ lương"), marked);
        featurizer.Featurize(VietnameseNormalizer.Normalize("cong ty no luong"), unmarked);

        Assert.Contains("t:nợ lương", marked.Values);
        Assert.Contains("t:công", marked.Values);
        Assert.Contains("w:no luong", marked.Values);
        Assert.DoesNotContain(unmarked.Values, name => name.StartsWith("t:"));
        Assert.Contains("w:no luong", unmarked.Values);
    }

    [Fact]
    public void Text_without_diacritics_gets_the_same_vector_whatever_the_tone_share()
    {
        var text = VietnameseNormalizer.Normalize("cong ty no luong 3 thang");

        var withTones = new TextFeaturizer(Options with { ToneShare = 0.3 }).Featurize(text);
        var without = new TextFeaturizer(Options).Featurize(text);

        Assert.Equal(without.Indices, withTones.Indices);
        Assert.Equal(without.Values, withTones.Values);
    }

    [Fact]
    public void Inverse_document_frequency_weighs_a_rare_feature_above_a_common_one()
    {
        var plain = new TextFeaturizer(Options with { CharShare = 0 });
        var corpus = new[] { "cong nhan nghi", "cong nhan lam", "cong nhan an", "cong nhan dinh cong" }
            .Select(t => plain.Featurize(VietnameseNormalizer.Normalize(t))).ToList();
        var frequencies = DocumentFrequencies.Count(corpus, Options.Dimension);
        var weighted = new TextFeaturizer(Options with { CharShare = 0, InverseDocumentFrequency = true }, frequencies);
        var names = new Dictionary<int, string>();

        var vector = weighted.Featurize(VietnameseNormalizer.Normalize("cong nhan dinh"), names);

        float Value(string name) => vector.Values[Array.IndexOf(vector.Indices, names.Single(p => p.Value == name).Key)];
        Assert.Equal(4, frequencies.Counts[names.Single(p => p.Value == "w:cong").Key]);
        Assert.True(Value("w:dinh") > Value("w:cong"));
        Assert.Equal(1.0, Math.Sqrt(vector.Values.Sum(v => (double)v * v)), precision: 5);
    }

    [Fact]
    public void Inverse_document_frequency_without_frequencies_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new TextFeaturizer(Options with { InverseDocumentFrequency = true }));
    }
}
