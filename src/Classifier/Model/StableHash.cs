namespace Directive58.Classifier.Model;

/// <summary>
/// 32-bit FNV-1a over UTF-8 bytes. Feature indices and the held-out split must not change between
/// runs, machines or .NET versions, which string.GetHashCode (randomised per process) cannot promise.
/// Characters are encoded to UTF-8 on the fly, so hashing needs no byte buffers.
/// </summary>
public static class StableHash
{
    public const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint Fnv1a(string text) => Append(OffsetBasis, text.AsSpan());

    public static uint Fnv1a(ReadOnlySpan<byte> bytes) => Append(OffsetBasis, bytes);

    public static uint Append(uint hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes) hash = (hash ^ b) * Prime;
        return hash;
    }

    /// <summary>Continues a hash with the UTF-8 encoding of some characters (a lone surrogate counts as U+FFFD, as in Encoding.UTF8).</summary>
    public static uint Append(uint hash, ReadOnlySpan<char> chars)
    {
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                hash = AppendCodePoint(hash, char.ConvertToUtf32(c, chars[++i]));
            else hash = Append(hash, c);
        }
        return hash;
    }

    public static uint Append(uint hash, char c) =>
        c < 0x80 ? (hash ^ c) * Prime : AppendCodePoint(hash, char.IsSurrogate(c) ? 0xFFFD : c);

    private static uint AppendCodePoint(uint hash, int codePoint)
    {
        if (codePoint < 0x80) return (hash ^ (uint)codePoint) * Prime;
        if (codePoint < 0x800) return Byte(Byte(hash, 0xC0 | (codePoint >> 6)), 0x80 | (codePoint & 0x3F));
        if (codePoint < 0x10000)
            return Byte(Byte(Byte(hash, 0xE0 | (codePoint >> 12)), 0x80 | ((codePoint >> 6) & 0x3F)), 0x80 | (codePoint & 0x3F));
        return Byte(Byte(Byte(Byte(hash, 0xF0 | (codePoint >> 18)), 0x80 | ((codePoint >> 12) & 0x3F)),
            0x80 | ((codePoint >> 6) & 0x3F)), 0x80 | (codePoint & 0x3F));
    }

    private static uint Byte(uint hash, int value) => (hash ^ (uint)value) * Prime;
}
