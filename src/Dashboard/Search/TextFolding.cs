using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Directive58.Dashboard.Search;

/// <summary>
/// Vietnamese text without diacritics and in lower case, so what collaborators type on a phone
/// ("no luong", "dinh cong") meets what others wrote ("nợ lương", "đình công"). đ is a letter of its
/// own, not d with a mark, so Unicode decomposition alone leaves it: it is mapped by hand.
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of a search box, folded; only letters and digits, so nothing reaches the query syntax.</summary>
    public static IReadOnlyList<string> Terms(string? query) =>
        query is null ? [] : Regex.Split(Fold(query), "[^a-z0-9]+").Where(t => t.Length > 0).Distinct().Take(10).ToList();
}
