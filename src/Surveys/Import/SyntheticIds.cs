using System.Security.Cryptography;
using System.Text;

namespace Directive58.Surveys.Import;

/// <summary>
/// Stable ids derived from content (name-based, RFC 9562 version 8 layout over SHA-256): the same
/// row always gets the same response id and each of its free-text answers the same report id, so
/// a re-import, a retry or a republish can never make a second copy downstream.
/// </summary>
public static class SyntheticIds
{
    public static Guid From(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001F", parts)));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8 (custom)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    public static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
