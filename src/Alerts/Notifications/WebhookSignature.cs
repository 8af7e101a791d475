using System.Security.Cryptography;
using System.Text;

namespace Directive58.Alerts.Notifications;

/// <summary>`X-D58-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;`, keyed with `Alerts:Channels:Webhook:Secret`.</summary>
public static class WebhookSignature
{
    public const string Header = "X-D58-Signature";

    public static string Compute(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>What a receiver does: recompute and compare in constant time.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(secret, body)), Encoding.ASCII.GetBytes(header));
}
