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
    private const int Words = 0, Chars = 1, Tones = 2, Blocks = 3;
    private static readonly uint WordPrefix = StableHash.Fnv1a("w:"), CharPrefix = StableHash.Fnv1a("c:"), TonePrefix = StableHash.Fnv1a("t:");
    [ThreadStatic] private static Scratch? scratch;
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
        var work = scratch ??= new Scratch();
        work.Reset();
        AddSyllables(work, text.Tokens, WordPrefix, Words, "w:", names);
        AddCharacters(work, text.Tokens, names);
        var toned = options.ToneShare > 0 && text.MarkedTokens.Count > 0;
        if (toned) AddSyllables(work, text.MarkedTokens, TonePrefix, Tones, "t:", names);
        return Weigh(work, toned);
    }

    private void AddSyllables(Scratch work, IReadOnlyList<string> tokens, uint prefix, int block, string name, Dictionary<int, string>? names)
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
    private void AddCharacters(Scratch work, IReadOnlyList<string> tokens, Dictionary<int, string>? names)
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

    private SparseVector Weigh(Scratch work, bool toned)
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

    /// <summary>
    /// Per-thread working arrays: counts per block for each index touched, found through a small open-addressing
    /// table (a few KiB, so it stays in the CPU cache, where a dense table over the hashed space would miss on every n-gram).
    /// </summary>
    private sealed class Scratch
    {
        public int[] Indices = new int[512];
        public int[] Counts = new int[512 * Blocks];
        public float[] Terms = new float[512 * Blocks];
        public int Used;
        private int[] keys = Empty(2048), slots = new int[2048];
        private char[] padded = new char[512];

        public int Add(int index, int block)
        {
            var mask = keys.Length - 1;
            var at = (int)((uint)index * 0x9E3779B1u >> 16) & mask;
            while (keys[at] != index && keys[at] >= 0) at = (at + 1) & mask;
            int slot;
            if (keys[at] == index) slot = slots[at];
            else
            {
                if (Used == Indices.Length)
                {
                    Array.Resize(ref Indices, Used * 2);
                    Array.Resize(ref Counts, Used * 2 * Blocks);
                    Terms = new float[Used * 2 * Blocks];
                }
                (keys[at], slots[at]) = (index, slot = Used++);
                Indices[slot] = index;
                Counts.AsSpan(slot * Blocks, Blocks).Clear();
                // Kept at most half full, so probes stay short.
                if (Used * 2 > keys.Length) Grow();
            }
            Counts[slot * Blocks + block]++;
            return index;
        }

        /// <summary>Forgets the indices of the last text; the table itself is kept for the next one.</summary>
        public void Reset()
        {
            Array.Fill(keys, -1);
            Used = 0;
        }

        private void Grow()
        {
            (keys, slots) = (Empty(keys.Length * 2), new int[keys.Length * 2]);
            var mask = keys.Length - 1;
            for (var slot = 0; slot < Used; slot++)
            {
                var at = (int)((uint)Indices[slot] * 0x9E3779B1u >> 16) & mask;
                while (keys[at] >= 0) at = (at + 1) & mask;
                (keys[at], slots[at]) = (Indices[slot], slot);
            }
        }

        private static int[] Empty(int length) => Enumerable.Repeat(-1, length).ToArray();

        public ReadOnlySpan<char> Padded(IReadOnlyList<string> tokens)
        {
            var length = 1;
            foreach (var token in tokens) length += token.Length + 1;
            if (tokens.Count == 0) length = 2;
            if (padded.Length < length) padded = new char[length * 2];
            var at = 0;
            padded[at++] = ' ';
            foreach (var token in tokens)
            {
                token.CopyTo(padded.AsSpan(at));
                at += token.Length;
                padded[at++] = ' ';
            }
            if (tokens.Count == 0) padded[at++] = ' ';
            return padded.AsSpan(0, at);
        }
    }
}
