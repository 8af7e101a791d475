using System.Text;
using Directive58.Alerts.Notifications;

namespace Directive58.Alerts.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_the_hex_HMAC_SHA256_of_the_body_prefixed_with_its_algorithm()
    {
        // RFC 4231-style known answer (also in Wikipedia's HMAC article).
        var signature = WebhookSignature.Compute("key", Encoding.UTF8.GetBytes("The quick brown fox jumps over the lazy dog"));

        Assert.Equal("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature);
    }

    [Fact]
    public void A_body_changed_in_transit_fails_verification()
    {
        var body = Encoding.UTF8.GetBytes("{\"level\":\"warning\"}");
        var header = WebhookSignature.Compute("s", body);

        Assert.True(WebhookSignature.Verify("s", body, header));
        Assert.False(WebhookSignature.Verify("s", Encoding.UTF8.GetBytes("{\"level\":\"watch\"}"), header));
        Assert.False(WebhookSignature.Verify("s", body, null));
    }
}
