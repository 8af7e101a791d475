using System.Text;
using Directive58.Surveys.Import.Encodings;

namespace Directive58.Surveys.Tests.Import.Encodings;

public sealed class TextEncodingDetectorTests
{
    private const string Sample =
        "workplaceCode,wave,pay,wishes\r\n" +
        "BN-001,2026-H1,2,\"Mong công ty trả lương đúng hạn, tăng phụ cấp nhà trọ\"\r\n" +
        "BN-001,2026-H1,4,\"Bữa ăn ca cần cải thiện, người lao động làm thêm giờ quá nhiều\"\r\n" +
        "BN-002,2026-H1,3,\"Đề nghị công đoàn đối thoại với ban giám đốc về tiền thưởng Tết\"\r\n";

    static TextEncodingDetectorTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Encodings => new(TextEncodingDetector.Names);

    public static byte[] Encode(string text, string encoding) => encoding switch
    {
        TextEncodingDetector.Utf8 => Encoding.UTF8.GetBytes(text),
        TextEncodingDetector.Utf8Bom => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        TextEncodingDetector.Utf16Le => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        TextEncodingDetector.Utf16Be => Encoding.BigEndianUnicode.GetBytes(text), // no byte-order mark: found by its zero bytes
        // Windows-1258 writes tones as combining marks: encode the decomposed form, as Windows does.
        TextEncodingDetector.Windows1258 => Encoding.GetEncoding(1258).GetBytes(Windows1258Form(text)),
        TextEncodingDetector.Tcvn3Name => Tcvn3.Encode(text),
        TextEncodingDetector.VniName => Vni.Encode(text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    /// <summary>Letters Windows-1258 has precomposed stay so; others are base letter plus combining tone (NFD, then recompose the hats and horns).</summary>
    public static string Windows1258Form(string text)
    {
        var cp = Encoding.GetEncoding(1258, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        var result = new StringBuilder();
        foreach (var c in text)
        {
            try { cp.GetBytes(c.ToString()); result.Append(c); }
            catch (EncoderFallbackException)
            {
                var d = c.ToString().Normalize(NormalizationForm.FormD);
                var tone = d.First(m => "\u0300\u0301\u0303\u0309\u0323".Contains(m));
                result.Append(d.Replace(tone.ToString(), "").Normalize(NormalizationForm.FormC)).Append(tone);
            }
        }
        return result.ToString();
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Each_encoding_is_recognised_from_a_Vietnamese_CSV(string encoding)
    {
        Assert.Equal(encoding, TextEncodingDetector.Detect(Encode(Sample, encoding)));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Each_encoding_reads_back_as_the_same_Unicode_text(string encoding)
    {
        var bytes = Encode(Sample, encoding);
        using var reader = TextEncodingDetector.OpenReader(new MemoryStream(bytes), TextEncodingDetector.Detect(bytes));
        Assert.Equal(Sample.Replace("\r\n", "\n"), reader.ReadToEnd());
    }

    [Fact]
    public void Plain_ASCII_is_read_as_UTF8()
    {
        Assert.Equal(TextEncodingDetector.Utf8, TextEncodingDetector.Detect("a,b\r\n1,2\r\n"u8));
    }
}
