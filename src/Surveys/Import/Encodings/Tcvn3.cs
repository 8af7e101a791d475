using System.Text;

namespace Directive58.Surveys.Import.Encodings;

/// <summary>
/// TCVN3 (TCVN 5712:1993 "VN3", the ABC fonts .VnTime/.VnArial): a single-byte 8-bit font encoding
/// still found in government spreadsheets. ASCII stays ASCII; the bytes 0xA1–0xFE carry the
/// Vietnamese letters. The encoding has no upper-case toned letters — the ".VnTimeH" fonts draw the
/// lower-case codes as capitals — so those decode to lower case. No .NET encoding exists for it;
/// the table follows the published VN3 layout (cross-checked against public converters).
/// </summary>
public static class Tcvn3
{
    // Byte → letter, for the bytes TCVN3 assigns; every other byte means its Latin-1 character.
    private static readonly (byte Byte, char Letter)[] Table =
    [
        (0xA1, 'Ă'), (0xA2, 'Â'), (0xA3, 'Ê'), (0xA4, 'Ô'), (0xA5, 'Ơ'), (0xA6, 'Ư'), (0xA7, 'Đ'),
        (0xA8, 'ă'), (0xA9, 'â'), (0xAA, 'ê'), (0xAB, 'ô'), (0xAC, 'ơ'), (0xAD, 'ư'), (0xAE, 'đ'),
        (0xB5, 'à'), (0xB6, 'ả'), (0xB7, 'ã'), (0xB8, 'á'), (0xB9, 'ạ'),
        (0xBB, 'ằ'), (0xBC, 'ẳ'), (0xBD, 'ẵ'), (0xBE, 'ắ'), (0xC6, 'ặ'),
        (0xC7, 'ầ'), (0xC8, 'ẩ'), (0xC9, 'ẫ'), (0xCA, 'ấ'), (0xCB, 'ậ'),
        (0xCC, 'è'), (0xCE, 'ẻ'), (0xCF, 'ẽ'), (0xD0, 'é'), (0xD1, 'ẹ'),
        (0xD2, 'ề'), (0xD3, 'ể'), (0xD4, 'ễ'), (0xD5, 'ế'), (0xD6, 'ệ'),
        (0xD7, 'ì'), (0xD8, 'ỉ'), (0xDC, 'ĩ'), (0xDD, 'í'), (0xDE, 'ị'),
        (0xDF, 'ò'), (0xE1, 'ỏ'), (0xE2, 'õ'), (0xE3, 'ó'), (0xE4, 'ọ'),
        (0xE5, 'ồ'), (0xE6, 'ổ'), (0xE7, 'ỗ'), (0xE8, 'ố'), (0xE9, 'ộ'),
        (0xEA, 'ờ'), (0xEB, 'ở'), (0xEC, 'ỡ'), (0xED, 'ớ'), (0xEE, 'ợ'),
        (0xEF, 'ù'), (0xF1, 'ủ'), (0xF2, 'ũ'), (0xF3, 'ú'), (0xF4, 'ụ'),
        (0xF5, 'ừ'), (0xF6, 'ử'), (0xF7, 'ữ'), (0xF8, 'ứ'), (0xF9, 'ự'),
        (0xFA, 'ỳ'), (0xFB, 'ỷ'), (0xFC, 'ỹ'), (0xFD, 'ý'), (0xFE, 'ỵ'),
    ];

    private static readonly char[] ToUnicodeMap = BuildDecode();
    private static readonly Dictionary<char, byte> FromUnicodeMap = Table.ToDictionary(t => t.Letter, t => t.Byte);

    /// <summary>Converts text whose characters are the file's bytes (read as Latin-1) to Unicode.</summary>
    public static string ToUnicode(string latin1)
    {
        var chars = latin1.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            if (chars[i] < 256) chars[i] = ToUnicodeMap[chars[i]];
        return new string(chars);
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => ToUnicode(Encoding.Latin1.GetString(bytes));

    /// <summary>Encodes Unicode as TCVN3; upper-case toned letters become their lower-case codes, anything else unmappable '?'.</summary>
    public static byte[] Encode(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        var bytes = new byte[composed.Length];
        for (var i = 0; i < composed.Length; i++)
        {
            var c = composed[i];
            bytes[i] = c < 0x80 ? (byte)c
                : FromUnicodeMap.TryGetValue(c, out var b) ? b
                : FromUnicodeMap.TryGetValue(char.ToLowerInvariant(c), out var lower) ? lower
                : (byte)'?';
        }
        return bytes;
    }

    private static char[] BuildDecode()
    {
        var map = new char[256];
        for (var i = 0; i < 256; i++) map[i] = (char)i;
        foreach (var (b, letter) in Table) map[b] = letter;
        return map;
    }
}
