using System.Text.RegularExpressions;

namespace Directive58.Classifier.Model;

/// <summary>
/// Replaces personal data with placeholders before anything else sees the text: a phone number
/// or an ID number says nothing about the grievance and must not end up in a model file.
/// </summary>
public static partial class PersonalDataMask
{
    public const string Email = "<email>", Phone = "<phone>", IdNumber = "<idnumber>";

    public static string Apply(string text)
    {
        if (text.Contains('@')) text = EmailPattern().Replace(text, $" {Email} ");
        if (!text.Any(char.IsAsciiDigit)) return text;
        text = PhonePattern().Replace(text, $" {Phone} ");
        return IdNumberPattern().Replace(text, $" {IdNumber} ");
    }

    [GeneratedRegex(@"[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+")]
    private static partial Regex EmailPattern();

    // Vietnamese numbers: 0 or +84 then 9-10 digits, often grouped with spaces, dots or dashes.
    [GeneratedRegex(@"(?<![\d.,])(?:\+84|0)(?:[ .-]?\d){8,10}(?![\d.,]*\d)")]
    private static partial Regex PhonePattern();

    // CMND (9 digits) and CCCD (12 digits) written as one run.
    [GeneratedRegex(@"(?<![\d.,])(?:\d{12}|\d{9})(?![\d.,]*\d)")]
    private static partial Regex IdNumberPattern();
}
