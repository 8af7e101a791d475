namespace Directive58.Classifier.Model;

/// <summary>
/// The working arrays of <see cref="TextFeaturizer"/>, one set per thread: counts per block for each index touched, found through a small open-addressing
/// table (a few KiB, so it stays in the CPU cache, where a dense table over the hashed space would miss on every n-gram).
/// </summary>
internal sealed class NgramCounter
{
    public int[] Indices = new int[512];
    public int[] Counts = new int[512 * TextFeaturizer.Blocks];
    public float[] Terms = new float[512 * TextFeaturizer.Blocks];
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
                Array.Resize(ref Counts, Used * 2 * TextFeaturizer.Blocks);
                Terms = new float[Used * 2 * TextFeaturizer.Blocks];
            }
            (keys[at], slots[at]) = (index, slot = Used++);
            Indices[slot] = index;
            Counts.AsSpan(slot * TextFeaturizer.Blocks, TextFeaturizer.Blocks).Clear();
            // Kept at most half full, so probes stay short.
            if (Used * 2 > keys.Length) Grow();
        }
        Counts[slot * TextFeaturizer.Blocks + block]++;
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
