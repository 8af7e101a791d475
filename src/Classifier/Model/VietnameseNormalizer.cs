using System.Text;

namespace Directive58.Classifier.Model;

/// <summary>
/// A normalised text: its diacritic-free tokens (chat spellings expanded), and, when the text was
/// written with tone marks, its tokens as written (lowercase NFC, not expanded); otherwise none.
/// </summary>
public sealed class NormalizedText(string lowered, IReadOnlyList<string> tokens, IReadOnlyList<string> markedTokens)
{
    private string? clean;

    public IReadOnlyList<string> Tokens => tokens;

    /// <summary>Empty for text without diacritics, so such text never reaches the tone-mark features.</summary>
    public IReadOnlyList<string> MarkedTokens => markedTokens;

    /// <summary>The cleaned text (NFC, lowercase, personal data and numbers masked, spaces collapsed).</summary>
    public string Clean => clean ??= string.Join(' ', lowered.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The tokens joined by spaces: what the character n-grams are taken from.</summary>
    public string Folded => string.Join(' ', tokens);
}

/// <summary>
/// Brings every way of writing a Vietnamese report to one form: NFC or NFD input, with or without
/// tone marks, chat spellings ("ko dc", "cty", "NLĐ"), numbers and money, personal data masked.
/// Runs on every prediction, so it avoids regular expressions unless the text has digits or an '@'.
/// </summary>
public static class VietnameseNormalizer
{
    public static NormalizedText Normalize(string text)
    {
        var clean = Composed(text).ToLowerInvariant();
        // Decided on the text as written: the number placeholders below add marked words ("triệu") of their own.
        var hasMarks = DiacriticFolding.HasMarks(clean);
        clean = PersonalDataMask.Apply(clean);
        clean = NumberTokens.Apply(clean);
        var folded = DiacriticFolding.StripComposed(clean);
        var tokens = new List<string>();
        foreach (var (start, length) in Tokenize(folded))
        {
            var token = Shrink(folded.AsSpan(start, length));
            if (ChatSpellings.Expand(token) is { } words) tokens.AddRange(words);
            else tokens.Add(token.ToString());
        }
        var marked = new List<string>();
        if (hasMarks)
            foreach (var (start, length) in Tokenize(clean)) marked.Add(clean.Substring(start, length));
        return new NormalizedText(clean, tokens, marked);
    }

    // Input nearly always arrives in NFC; scanning for characters that could change is cheaper than String.Normalize.
    private static string Composed(string text)
    {
        foreach (var c in text)
            if (c >= '\u0300' && c is < '\u1E00' or > '\u1EFF') return text.Normalize(NormalizationForm.FormC);
        return text;
    }

    /// <summary>Runs of letters, and placeholders such as "&lt;money&gt;" kept whole; everything else separates.</summary>
    private static IEnumerable<(int Start, int Length)> Tokenize(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            if (letter) continue;
            if (start >= 0) yield return (start, i - start);
            start = -1;
            if (i < text.Length && text[i] == '<' && PlaceholderLength(text, i) is > 0 and var length)
            {
                yield return (i, length);
                i += length - 1;
            }
        }
    }

    private static int PlaceholderLength(string text, int at)
    {
        var end = at + 1;
        while (end < text.Length && text[end] is >= 'a' and <= 'z') end++;
        return end < text.Length && text[end] == '>' && end > at + 1 ? end - at + 1 : 0;
    }

    // "quaaaa" → "qua": no Vietnamese syllable repeats a vowel three times (consonants stay: "cccd").
    private static ReadOnlySpan<char> Shrink(ReadOnlySpan<char> token)
    {
        if (!IsStretched(token)) return token;
        var result = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length;)
        {
            var run = 1;
            while (i + run < token.Length && token[i + run] == token[i]) run++;
            result.Append(token[i], IsVowel(token[i]) && run >= 3 ? 1 : run);
            i += run;
        }
        return result.ToString();
    }

    private static bool IsStretched(ReadOnlySpan<char> token)
    {
        for (var i = 2; i < token.Length; i++)
            if (token[i] == token[i - 1] && token[i] == token[i - 2] && IsVowel(token[i])) return true;
        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
