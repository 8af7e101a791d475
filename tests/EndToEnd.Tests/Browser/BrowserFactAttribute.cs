namespace Directive58.EndToEnd.Tests.Browser;

/// <summary>
/// A test in headless Chromium (the Debian package, never a downloaded browser). Skipped with the
/// reason when no Chromium is at D58_TEST_CHROMIUM or /usr/bin/chromium; with D58_REQUIRE_SERVERS=1
/// (CI) it runs and fails loudly instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("D58_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Available => File.Exists(ChromiumPath);

    public BrowserFactAttribute()
    {
        if (Available || Environment.GetEnvironmentVariable("D58_REQUIRE_SERVERS") == "1") return;
        Skip = $"Chromium not found at {ChromiumPath}: install the Debian packages chromium and chromium-driver (bash .ci/run does), or set D58_TEST_CHROMIUM.";
    }
}
