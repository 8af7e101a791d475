using System.Text.RegularExpressions;

namespace Directive58.ServiceDefaults.Privacy;

/// <summary>
/// Masks phone numbers, 9/12-digit ID numbers (CMND/CCCD) and e-mail addresses in free text before
/// it is stored anywhere: reports describe situations, not people (domain.md).
/// </summary>
public static partial class PersonalDataMasker
{
    public const string EmailMask = "[email]";
    public const string IdMask = "[CCCD]";
    public const string PhoneMask = "[SĐT]";

    public static string Mask(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = Email().Replace(text, EmailMask);
        text = IdNumber().Replace(text, IdMask);
        return Phone().Replace(text, PhoneMask);
    }

    [GeneratedRegex(@"[\p{L}0-9._%+\-]+@[\p{L}0-9.\-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // Exactly 9 (CMND) or 12 (CCCD) digits written together.
    [GeneratedRegex(@"(?<![\d.,])(?:\d{12}|\d{9})(?![\d.,]\d|\d)")]
    private static partial Regex IdNumber();

    // Vietnamese numbers: 0 or +84/84 then 8–10 digits, optionally grouped by spaces, dots or dashes.
    [GeneratedRegex(@"(?<![\d.,])(?:\+84|84|0)(?:[ .\-]?\d){8,10}(?![\d]|[.,]\d)")]
    private static partial Regex Phone();
}
