using System.Text.RegularExpressions;

namespace Directive58.Classifier.Model;

/// <summary>
/// Turns amounts, dates and counts into a few placeholder tokens: "2tr", "2.000.000đ" and "7 triệu"
/// are the same signal (money), and "300 công nhân" differs from "3 công nhân" only by scale.
/// Runs on lowercased text that may or may not carry diacritics.
/// </summary>
public static partial class NumberTokens
{
    public const string Money = "<money>", Number = "<num>", LargeNumber = "<bignum>", Date = "<date>", Percent = "<percent>";

    public static string Apply(string text)
    {
        if (!text.Any(char.IsAsciiDigit)) return text;
        text = MoneyPattern().Replace(text, match => $" {Money} {UnitWord(match.Groups["unit"].Value)} ");
        text = DatePattern().Replace(text, $" {Date} ");
        text = PercentPattern().Replace(text, $" {Percent} ");
        text = HourPattern().Replace(text, match => $" {Count(match.Groups["n"].Value)} giờ ");
        return NumberPattern().Replace(text, match => $" {Count(match.Value)} ");
    }

    // Scale matters for risk: a hundred workers is a collective matter, three are not.
    private static string Count(string digits)
    {
        var plain = digits.Replace(".", "").Replace(",", "");
        return plain.Length >= 3 ? LargeNumber : Number;
    }

    private static string UnitWord(string unit) => DiacriticFolding.Strip(unit) switch
    {
        "k" or "nghin" or "ngan" => "nghìn",
        "tr" or "trieu" => "triệu",
        "ty" or "ti" => "tỷ",
        "usd" or "$" => "usd",
        _ => "đồng",
    };

    [GeneratedRegex(@"(?<![\p{L}\d])\d+(?:[.,]\d+)*(?:(?<unit>k)|\s?(?<unit>tr|triệu|trieu|nghìn|ngàn|nghin|ngan|tỷ|tỉ|ty|ti|đồng|dong|đ|vnđ|vnd|usd|\$))(?![\p{L}\d])")]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"(?<![\p{L}\d])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\p{L}\d])")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s?%")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"(?<![\p{L}\d])(?<n>\d{1,2})h(?:\d{2})?(?![\p{L}\d])")]
    private static partial Regex HourPattern();

    [GeneratedRegex(@"\d+(?:[.,]\d+)*")]
    private static partial Regex NumberPattern();
}
