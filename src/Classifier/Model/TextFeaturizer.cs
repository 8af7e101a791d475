namespace Directive58.Classifier.Model;

/// <summary>
/// Hashes a normalised text into a fixed space: syllable unigrams and bigrams ("w:ngung viec") and
/// character n-grams of the diacritic-free text ("c:ng v"), each block with sublinear term frequency
/// and unit norm, weighted by <see cref="FeaturizerOptions.CharShare"/>, the whole L2-normalised.
/// Character n-grams carry misspellings and glued or split syllables; syllable n-grams carry phrases.
/// The index of a feature is FNV-1a of its name's UTF-8 bytes, so names can be recomputed to explain a prediction.
/// </summary>
public sealed class TextFeaturizer(FeaturizerOptions options)
{
    private static readonly uint WordPrefix = StableHash.Fnv1a("w:");
    private static readonly uint CharPrefix = StableHash.Fnv1a("c:");
    private readonly uint mask = (uint)options.Dimension - 1;

    public FeaturizerOptions Options => options;

    public SparseVector Featurize(NormalizedText text) => Featurize(text, names: null);

    /// <summary>Features and, for each index, the name of the first feature that landed on it.</summary>
    public SparseVector Featurize(NormalizedText text, Dictionary<int, string>? names)
    {
        var padded = $" {text.Folded} ";
        var words = new int[Math.Max(0, 2 * text.Tokens.Count - 1)];
        var chars = new int[CharNgramCount(padded.Length)];
        CollectWords(text.Tokens, words, names);
        CollectChars(padded, chars, names);
        return Combine(SublinearCounts(words), SublinearCounts(chars));
    }

    private int CharNgramCount(int length)
    {
        var count = 0;
        for (var n = options.CharMin; n <= options.CharMax; n++) count += Math.Max(0, length - n + 1);
        return count;
    }

    private void CollectWords(IReadOnlyList<string> tokens, int[] indices, Dictionary<int, string>? names)
    {
        var next = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var unigram = StableHash.Append(WordPrefix, tokens[i].AsSpan());
            var index = indices[next++] = (int)(unigram & mask);
            names?.TryAdd(index, $"w:{tokens[i]}");
            if (i + 1 == tokens.Count) break;
            var bigram = StableHash.Append(StableHash.Append(unigram, ' '), tokens[i + 1].AsSpan());
            index = indices[next++] = (int)(bigram & mask);
            names?.TryAdd(index, $"w:{tokens[i]} {tokens[i + 1]}");
        }
    }

    private void CollectChars(string padded, int[] indices, Dictionary<int, string>? names)
    {
        var next = 0;
        for (var start = 0; start + options.CharMin <= padded.Length; start++)
        {
            var hash = CharPrefix;
            for (var length = 1; length <= options.CharMax && start + length <= padded.Length; length++)
            {
                hash = StableHash.Append(hash, padded[start + length - 1]);
                if (length < options.CharMin) continue;
                var index = indices[next++] = (int)(hash & mask);
                names?.TryAdd(index, $"c:{padded.Substring(start, length)}");
            }
        }
    }

    // Sorts the indices, counts repeats, and turns each count c into 1 + ln c, scaled to unit norm.
    private static (int[] Indices, float[] Values) SublinearCounts(int[] indices)
    {
        Array.Sort(indices);
        var distinct = 0;
        for (var i = 0; i < indices.Length; i++) if (i == 0 || indices[i] != indices[i - 1]) distinct++;
        var outIndices = new int[distinct];
        var values = new float[distinct];
        var squares = 0f;
        for (int i = 0, o = 0; i < indices.Length; o++)
        {
            var j = i;
            while (j < indices.Length && indices[j] == indices[i]) j++;
            outIndices[o] = indices[i];
            values[o] = 1f + MathF.Log(j - i);
            squares += values[o] * values[o];
            i = j;
        }
        Scale(values, 1 / MathF.Sqrt(squares));
        return (outIndices, values);
    }

    private SparseVector Combine((int[] Indices, float[] Values) words, (int[] Indices, float[] Values) chars)
    {
        var wordScale = (float)Math.Sqrt(1 - options.CharShare);
        var charScale = (float)Math.Sqrt(options.CharShare);
        var indices = new int[words.Indices.Length + chars.Indices.Length];
        var values = new float[indices.Length];
        int w = 0, c = 0, count = 0;
        var squares = 0f;
        while (w < words.Indices.Length || c < chars.Indices.Length)
        {
            var wordIndex = w < words.Indices.Length ? words.Indices[w] : int.MaxValue;
            var charIndex = c < chars.Indices.Length ? chars.Indices[c] : int.MaxValue;
            var index = Math.Min(wordIndex, charIndex);
            var value = 0f;
            if (wordIndex == index) value += wordScale * words.Values[w++];
            if (charIndex == index) value += charScale * chars.Values[c++];
            indices[count] = index;
            values[count++] = value;
            squares += value * value;
        }
        // Collisions between the blocks can move the norm a little away from 1.
        if (count > 0) Scale(values, 1 / MathF.Sqrt(squares));
        return count == indices.Length ? new SparseVector(indices, values) : new SparseVector(indices[..count], values[..count]);
    }

    private static void Scale(float[] values, float factor)
    {
        for (var i = 0; i < values.Length; i++) values[i] *= factor;
    }
}
