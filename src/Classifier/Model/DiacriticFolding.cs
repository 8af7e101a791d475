using System.Globalization;
using System.Text;

namespace Directive58.Classifier.Model;

/// <summary>
/// The diacritic-free view of Vietnamese: many reports are typed without tone marks
/// ("cong nhan ngung viec"), so the model only ever sees text folded this way.
/// </summary>
public static class DiacriticFolding
{
    private const char Drop = '\0';

    // Folding is on the hot path of every prediction: a table built once from Unicode's own
    // decompositions replaces a per-text NFD round trip. Covers Latin, Latin Extended and
    // Vietnamese (U+1E00–U+1EFF); other characters pass through unchanged.
    private static readonly char[] Table = BuildTable();

    /// <summary>Removes tone and vowel marks and maps đ/Đ to d/D; keeps case and everything else.</summary>
    public static string Strip(string text) => StripComposed(text.Normalize(NormalizationForm.FormC));

    /// <summary><see cref="Strip"/> for text already in NFC, without normalising it again.</summary>
    internal static string StripComposed(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var folded = c < Table.Length ? Table[c] : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark ? Drop : c;
            if (folded != Drop) result.Append(folded);
        }
        return result.ToString();
    }

    /// <summary>Whether folding would change the text: it has tone or vowel marks, or đ/Đ.</summary>
    public static bool HasMarks(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c >= 0x80 && (c < Table.Length ? Table[c] != c : CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)) return true;
        return false;
    }

    private static char[] BuildTable()
    {
        var table = new char[0x1F00];
        for (var c = 0; c < table.Length; c++)
        {
            var ch = (char)c;
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) { table[c] = Drop; continue; }
            var bases = ch.ToString().Normalize(NormalizationForm.FormD)
                .Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray();
            table[c] = bases.Length == 1 ? bases[0] : ch;
        }
        table['đ'] = 'd';
        table['Đ'] = 'D';
        return table;
    }
}
