namespace Directive58.Classifier.Model;

/// <summary>
/// Hashes a normalised text into a fixed space in three blocks: syllable unigrams and bigrams of the
/// diacritic-free text ("w:ngung viec"), its character n-grams ("c:ng v"), and, only for text written
/// with tone marks, syllable unigrams and bigrams as written ("t:ngừng việc"), which tell apart words
/// that folding merges (lương/lường, nợ/nổ). Each feature gets sublinear term frequency (1 + ln count)
/// times its inverse document frequency; each block is scaled to its share of the squared norm
/// (<see cref="FeaturizerOptions"/>) and the whole vector to unit length. The index of a feature is
/// FNV-1a of its name's UTF-8 bytes, so names can be recomputed to explain a prediction. Indices come
/// in the order first met, not sorted: nothing needs them sorted, and sorting cost a quarter of the time.
/// Thread-safe: the working arrays are per thread.
/// </summary>
public sealed class TextFeaturizer
{
    internal const int Words = 0, Chars = 1, Tones = 2, Blocks = 3;
    private static readonly uint WordPrefix = StableHash.Fnv1a("w:"), CharPrefix = StableHash.Fnv1a("c:"), TonePrefix = StableHash.Fnv1a("t:");
    [ThreadStatic] private static NgramCounter? scratch;
    private readonly FeaturizerOptions options;
    private readonly float[]? idf;
    private readonly uint mask;

    public TextFeaturizer(FeaturizerOptions options, DocumentFrequencies? frequencies = null)
    {
        if (options.InverseDocumentFrequency && frequencies?.Counts.Length != options.Dimension)
            throw new ArgumentException("Inverse document frequency needs document frequencies over the whole hashed space.");
        this.options = options;
        Frequencies = options.InverseDocumentFrequency ? frequencies : null;
        idf = Frequencies?.Weights;
        mask = (uint)options.Dimension - 1;
    }

    public FeaturizerOptions Options => options;
    public DocumentFrequencies? Frequencies { get; }

    public SparseVector Featurize(NormalizedText text) => Featurize(text, names: null);

    /// <summary>Features and, for each index, the name of the first feature that landed on it.</summary>
    public SparseVector Featurize(NormalizedText text, Dictionary<int, string>? names)
    {
        var work = scratch ??= new NgramCounter();
        work.Reset();
        AddSyllables(work, text.Tokens, WordPrefix, Words, "w:", names);
        AddCharacters(work, text.Tokens, names);
        var toned = options.ToneShare > 0 && text.MarkedTokens.Count > 0;
        if (toned) AddSyllables(work, text.MarkedTokens, TonePrefix, Tones, "t:", names);
        return Weigh(work, toned);
    }

    private void AddSyllables(NgramCounter work, IReadOnlyList<string> tokens, uint prefix, int block, string name, Dictionary<int, string>? names)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var unigram = StableHash.Append(prefix, tokens[i].AsSpan());
            var index = work.Add((int)(unigram & mask), block);
            names?.TryAdd(index, name + tokens[i]);
            if (i + 1 == tokens.Count) break;
            index = work.Add((int)(StableHash.Append(StableHash.Append(unigram, ' '), tokens[i + 1].AsSpan()) & mask), block);
            names?.TryAdd(index, $"{name}{tokens[i]} {tokens[i + 1]}");
        }
    }

    // Character n-grams of " token token … ": the padding marks where words start and end.
    private void AddCharacters(NgramCounter work, IReadOnlyList<string> tokens, Dictionary<int, string>? names)
    {
        var padded = work.Padded(tokens);
        for (var start = 0; start + options.CharMin <= padded.Length; start++)
        {
            var hash = CharPrefix;
            for (var length = 1; length <= options.CharMax && start + length <= padded.Length; length++)
            {
                hash = StableHash.Append(hash, padded[start + length - 1]);
                if (length < options.CharMin) continue;
                var index = work.Add((int)(hash & mask), Chars);
                names?.TryAdd(index, $"c:{padded.Slice(start, length)}");
            }
        }
    }

    private SparseVector Weigh(NgramCounter work, bool toned)
    {
        var keep = toned ? 1 - options.ToneShare : 1;
        Span<double> shares = [keep * (1 - options.CharShare), keep * options.CharShare, toned ? options.ToneShare : 0];
        Span<double> squares = stackalloc double[Blocks];
        var used = work.Used;
        var terms = work.Terms;
        for (var slot = 0; slot < used; slot++)
        {
            var weight = idf is null ? 1f : idf[work.Indices[slot]];
            for (var block = 0; block < Blocks; block++)
            {
                var term = terms[slot * Blocks + block] = weight * Sublinear(work.Counts[slot * Blocks + block]);
                squares[block] += term * term;
            }
        }
        Span<float> scales = stackalloc float[Blocks];
        for (var block = 0; block < Blocks; block++) scales[block] = squares[block] > 0 ? (float)Math.Sqrt(shares[block] / squares[block]) : 0;

        // Collisions between the blocks can move the norm a little away from 1.
        var total = 0.0;
        var indices = work.Indices.AsSpan(0, used).ToArray();
        var values = new float[used];
        for (var slot = 0; slot < used; slot++)
        {
            var at = slot * Blocks;
            var value = values[slot] = scales[0] * terms[at] + scales[1] * terms[at + 1] + scales[2] * terms[at + 2];
            total += value * value;
        }
        if (total > 0)
        {
            var factor = (float)(1 / Math.Sqrt(total));
            for (var i = 0; i < used; i++) values[i] *= factor;
        }
        return new SparseVector(indices, values);
    }

    private static readonly float[] SublinearTable = Enumerable.Range(0, 64).Select(c => c == 0 ? 0f : 1 + MathF.Log(c)).ToArray();

    private static float Sublinear(int count) => count < SublinearTable.Length ? SublinearTable[count] : 1 + MathF.Log(count);
}
