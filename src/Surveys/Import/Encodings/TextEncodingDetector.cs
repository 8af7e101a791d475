using System.Text;

namespace Directive58.Surveys.Import.Encodings;

/// <summary>
/// Finds how a CSV file's text is encoded from its first bytes: a byte-order mark (UTF-8, UTF-16),
/// UTF-16 without a mark (zero bytes in every other position), strict UTF-8, and otherwise the
/// single-byte encoding under which the text reads most like Vietnamese: Windows-1258, TCVN3 or VNI.
/// </summary>
public static class TextEncodingDetector
{
    public const string Utf8 = "utf-8";
    public const string Utf8Bom = "utf-8-bom";
    public const string Utf16Le = "utf-16le";
    public const string Utf16Be = "utf-16be";
    public const string Windows1258 = "windows-1258";
    public const string Tcvn3Name = "tcvn3";
    public const string VniName = "vni";

    public static readonly string[] Names = [Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1258, Tcvn3Name, VniName];

    static TextEncodingDetector() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8Bom;
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Utf16Le;
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Utf16Be;
        if (Utf16WithoutMark(sample) is { } utf16) return utf16;
        if (IsUtf8(sample)) return Utf8;
        var scores = new (string Name, int Score)[]
        {
            (Windows1258, VietnameseLetters.Score(Windows1258Encoding.GetString(sample))),
            (Tcvn3Name, VietnameseLetters.Score(Tcvn3.Decode(sample))),
            (VniName, VietnameseLetters.Score(Vni.Decode(sample))),
        };
        // Ties go to Windows-1258, the standard one, by the order above.
        return scores.OrderByDescending(s => s.Score).First().Name;
    }

    public static Encoding Windows1258Encoding => Encoding.GetEncoding(1258);

    /// <summary>A reader that yields Unicode (NFC) text from a stream in the named encoding, converting legacy fonts line by line; the stream stays open for a second pass.</summary>
    public static TextReader OpenReader(Stream stream, string encoding) => encoding switch
    {
        Utf8 or Utf8Bom => new ConvertingTextReader(new StreamReader(stream, new UTF8Encoding(false), true, -1, leaveOpen: true), Nfc),
        Utf16Le => new ConvertingTextReader(new StreamReader(stream, Encoding.Unicode, true, -1, leaveOpen: true), Nfc),
        Utf16Be => new ConvertingTextReader(new StreamReader(stream, Encoding.BigEndianUnicode, true, -1, leaveOpen: true), Nfc),
        Windows1258 => new ConvertingTextReader(new StreamReader(stream, Windows1258Encoding, false, -1, leaveOpen: true), Nfc),
        Tcvn3Name => new ConvertingTextReader(new StreamReader(stream, Encoding.Latin1, false, -1, leaveOpen: true), Tcvn3.ToUnicode),
        VniName => new ConvertingTextReader(new StreamReader(stream, Encoding.Latin1, false, -1, leaveOpen: true), Vni.ToUnicode),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown encoding"),
    };

    // Windows-1258 and files saved on macOS write tones as combining marks; NFC makes one letter of them.
    private static string Nfc(string line) => line.Normalize(NormalizationForm.FormC);

    private static string? Utf16WithoutMark(ReadOnlySpan<byte> sample)
    {
        if (sample.Length < 4) return null;
        int evenZeros = 0, oddZeros = 0, pairs = sample.Length / 2;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0) evenZeros++;
            if (sample[i + 1] == 0) oddZeros++;
        }
        if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.1) return Utf16Le;
        if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.1) return Utf16Be;
        return null;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> sample)
    {
        // A sequence cut off at the end of the sample is pending, not invalid (flush: false).
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[sample.Length + 1];
        try
        {
            decoder.GetChars(sample, chars, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
