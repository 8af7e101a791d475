using System.Collections.Frozen;

namespace Directive58.Classifier.Model;

/// <summary>
/// Chat spellings and abbreviations common in workers' messages, keyed in the diacritic-free
/// space so that "đc" and "dc" (or "NLĐ" and "nld") both reach the same full words.
/// Only unambiguous forms are listed: a wrong expansion costs more than a missing one.
/// </summary>
public static class ChatSpellings
{
    private static readonly FrozenDictionary<string, string[]> Expansions = new Dictionary<string, string>
    {
        ["ko"] = "khong", ["k"] = "khong", ["kh"] = "khong", ["hok"] = "khong", ["hk"] = "khong", ["kg"] = "khong", ["khg"] = "khong",
        ["dc"] = "duoc", ["dx"] = "duoc",
        ["cty"] = "cong ty", ["cn"] = "cong nhan", ["cnv"] = "cong nhan vien", ["nv"] = "nhan vien",
        ["nld"] = "nguoi lao dong", ["ld"] = "lao dong", ["ldld"] = "lien doan lao dong",
        ["bhxh"] = "bao hiem xa hoi", ["bhyt"] = "bao hiem y te", ["bhtn"] = "bao hiem that nghiep",
        ["tc"] = "tang ca", ["ng"] = "nguoi", ["j"] = "gi", ["vs"] = "voi", ["r"] = "roi", ["ae"] = "anh em",
        ["ql"] = "quan ly", ["sx"] = "san xuat", ["tl"] = "tien luong", ["kcn"] = "khu cong nghiep",
        ["dn"] = "doanh nghiep", ["cdcs"] = "cong doan co so", ["hdld"] = "hop dong lao dong",
        ["cccd"] = "can cuoc cong dan", ["cmnd"] = "chung minh nhan dan",
        ["mn"] = "moi nguoi", ["ntn"] = "nhu the nao", ["bn"] = "bao nhieu", ["thg"] = "thang",
        ["trc"] = "truoc", ["wa"] = "qua", ["bik"] = "biet", ["lun"] = "luon", ["e"] = "em", ["dag"] = "dang",
        ["oy"] = "roi", ["h"] = "gio",
    }.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Split(' '), StringComparer.Ordinal);

    // Looked up by span so that a token needs no string of its own just to be checked.
    private static readonly FrozenDictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Expansions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The full words for a folded token, or null when it is not an abbreviation.</summary>
    public static string[]? Expand(ReadOnlySpan<char> foldedToken) => BySpan.TryGetValue(foldedToken, out var words) ? words : null;
}
