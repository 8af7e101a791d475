using System.Text;
using System.Text.RegularExpressions;

namespace Directive58.Classifier.Model;

/// <summary>A normalised text: the cleaned text (NFC, lowercase, masked) and its diacritic-free tokens.</summary>
public sealed record NormalizedText(string Clean, IReadOnlyList<string> Tokens)
{
    /// <summary>The tokens joined by spaces: what the character n-grams are taken from.</summary>
    public string Folded { get; } = string.Join(' ', Tokens);
}

/// <summary>
/// Brings every way of writing a Vietnamese report to one form: NFC or NFD input, with or without
/// tone marks, chat spellings ("ko dc", "cty", "NLĐ"), numbers and money, personal data masked.
/// </summary>
public static partial class VietnameseNormalizer
{
    public static NormalizedText Normalize(string text)
    {
        var clean = text.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        clean = PersonalDataMask.Apply(clean);
        clean = NumberTokens.Apply(clean);
        var tokens = new List<string>();
        foreach (var token in Tokenize(DiacriticFolding.StripComposed(clean)))
        {
            var folded = IsStretched(token) ? Elongation().Replace(token, "$1") : token;
            if (ChatSpellings.Expand(folded) is { } words) tokens.AddRange(words);
            else tokens.Add(folded);
        }
        return new NormalizedText(Spaces().Replace(clean, " ").Trim(), tokens);
    }

    /// <summary>Runs of letters, and placeholders such as "&lt;money&gt;" kept whole; everything else separates.</summary>
    private static IEnumerable<string> Tokenize(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetter(text[i]);
            if (letter && start < 0) start = i;
            if (letter) continue;
            if (start >= 0) yield return text[start..i];
            start = -1;
            if (i < text.Length && text[i] == '<' && Placeholder(text, i) is { } placeholder)
            {
                yield return placeholder;
                i += placeholder.Length - 1;
            }
        }
    }

    private static string? Placeholder(string text, int at)
    {
        var end = at + 1;
        while (end < text.Length && text[end] is >= 'a' and <= 'z') end++;
        return end < text.Length && text[end] == '>' && end > at + 1 ? text[at..(end + 1)] : null;
    }

    private static bool IsStretched(string token)
    {
        for (var i = 2; i < token.Length; i++)
            if (token[i] == token[i - 1] && token[i] == token[i - 2] && token[i] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y') return true;
        return false;
    }

    // "quaaaa" → "qua": no Vietnamese syllable repeats a vowel three times (consonants stay: "cccd").
    [GeneratedRegex(@"([aeiouy])\1{2,}")]
    private static partial Regex Elongation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
