using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Directive58.Surveys.Import;

/// <summary>
/// Finds the columns that identify a person — names, phone numbers, ID numbers, e-mail addresses,
/// staff numbers, device ids, birth dates, home addresses — by their header and by their content
/// (half of the sampled values look like one). Those columns are dropped at import: never stored,
/// never mapped, not even hashed (a hash of a phone number is easily reversed).
/// </summary>
public static partial class IdentifyingColumns
{
    public sealed record Dropped(int Index, string Header, string Reason);

    private static readonly (string Reason, string[] Parts)[] HeaderParts =
    [
        ("tên người / person's name", ["hoten", "hovaten", "fullname", "firstname", "lastname", "username", "nguoitraloi", "respondent", "tennguoilaodong", "tencongnhan"]),
        ("số điện thoại / phone", ["sodienthoai", "dienthoai", "sdt", "phone", "mobile", "didong", "zalo"]),
        ("số giấy tờ / ID number", ["cmnd", "cccd", "cancuoc", "chungminh", "idnumber", "nationalid", "passport", "hochieu", "manhanvien", "msnv", "employeeid", "mathe", "sobhxh", "sosobhxh"]),
        ("thư điện tử / e-mail", ["email", "thudientu"]),
        ("thiết bị / device id", ["deviceid", "imei", "subscriberid", "simserial"]),
        ("ngày sinh, địa chỉ / birth date, address", ["ngaysinh", "dateofbirth", "birthdate", "diachi", "address"]),
    ];

    private static readonly string[] ExactNames = ["ten", "name", "ho", "nguoikhaosat"];

    private static readonly HashSet<string> Surnames =
        ["nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "dinh", "trinh", "truong", "mai", "lam", "ha", "cao", "luu", "ta", "doan", "trieu", "luong", "thai", "chu"];

    public static IReadOnlyList<Dropped> Find(IReadOnlyList<string> header, IReadOnlyList<string?[]> sample)
    {
        var dropped = new List<Dropped>();
        for (var i = 0; i < header.Count; i++)
        {
            var reason = ByHeader(header[i]) ?? ByContent(sample.Select(r => i < r.Length ? r[i] : null).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList());
            if (reason is not null) dropped.Add(new Dropped(i, header[i], reason));
        }
        return dropped;
    }

    public static string? ByHeader(string header)
    {
        var key = Fold(header);
        if (ExactNames.Contains(key)) return HeaderParts[0].Reason;
        foreach (var (reason, parts) in HeaderParts)
            if (parts.Any(key.Contains)) return reason;
        return null;
    }

    private static string? ByContent(IReadOnlyList<string> values)
    {
        if (values.Count == 0) return null;
        bool Most(Func<string, bool> test) => values.Count(test) * 2 >= values.Count;
        if (Most(v => Email().IsMatch(v))) return HeaderParts[3].Reason + " (nội dung / content)";
        if (Most(v => Phone().IsMatch(v))) return HeaderParts[1].Reason + " (nội dung / content)";
        if (Most(v => IdNumber().IsMatch(v))) return HeaderParts[2].Reason + " (nội dung / content)";
        if (Most(LooksLikeName)) return HeaderParts[0].Reason + " (nội dung / content)";
        return null;
    }

    /// <summary>Two to five capitalised words starting with a common Vietnamese surname: "Nguyễn Thị Lan".</summary>
    private static bool LooksLikeName(string value)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5 && words.All(w => char.IsUpper(w[0]) && w.Skip(1).All(char.IsLetter)) && Surnames.Contains(Fold(words[0]));
    }

    /// <summary>Lower case, no diacritics, letters and digits only: "Số điện thoại" → "sodienthoai".</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c is 'đ' or 'Đ' ? 'd' : c);
            if (char.IsLetterOrDigit(lower)) builder.Append(lower);
        }
        return builder.ToString();
    }

    [GeneratedRegex(@"^[\p{L}0-9._%+\-]+@[\p{L}0-9.\-]+\.[A-Za-z]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^(?:\+84|84|0)(?:[ .\-]?\d){8,10}$")]
    private static partial Regex Phone();

    [GeneratedRegex(@"^(?:\d{9}|\d{12})$")]
    private static partial Regex IdNumber();
}
