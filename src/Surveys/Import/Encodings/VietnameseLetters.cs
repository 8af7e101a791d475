using System.Globalization;
using System.Text;

namespace Directive58.Surveys.Import.Encodings;

/// <summary>
/// How Vietnamese a decoded text looks: the measure that picks among the single-byte encodings,
/// which all decode any byte sequence without error. A Vietnamese syllable carries at most one
/// tone mark and uses only the Vietnamese alphabet, so wrong decodings produce words with stray
/// Latin-1 letters (µ, «, ä) or several tones ("ủaừ"), which count against them.
/// </summary>
public static class VietnameseLetters
{
    private static readonly HashSet<char> Letters = Build();
    private static readonly HashSet<char> ToneMarks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    /// <summary>Words that read as Vietnamese count one each; impossible words count minus two.</summary>
    public static int Score(string text)
    {
        var score = 0;
        foreach (var word in Words(text.Normalize(NormalizationForm.FormC)))
        {
            var nonAscii = 0;
            var bad = 0;
            var toned = 0;
            foreach (var c in word)
            {
                if (c < 0x80) continue;
                nonAscii++;
                if (!Letters.Contains(c)) bad++;
                else if (HasTone(c)) toned++;
            }
            if (nonAscii == 0) continue;
            score += bad > 0 || toned > 1 ? -2 : 1;
        }
        return score;
    }

    private static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetter(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark || text[i] is >= '\u00A0' and <= '\u00FF' && !char.IsWhiteSpace(text[i]));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0) { yield return text[start..i]; start = -1; }
        }
    }

    private static bool HasTone(char c) => c.ToString().Normalize(NormalizationForm.FormD).Any(ToneMarks.Contains);

    private static HashSet<char> Build()
    {
        var set = new HashSet<char> { 'đ', 'Đ' };
        string[] bases = ["a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031B", "u", "u\u031B", "y"];
        string[] tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
        foreach (var b in bases)
        foreach (var t in tones)
        {
            var lower = (b + t).Normalize(NormalizationForm.FormC);
            if (lower.Length != 1) continue;
            set.Add(lower[0]);
            set.Add(char.ToUpperInvariant(lower[0]));
        }
        return set;
    }
}
