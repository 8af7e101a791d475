using System.Net.Http.Json;
using System.Text.Json;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>Small helpers for talking to the API as a machine client would.</summary>
public static class Reports
{
    public const string StoppageText = "Sáng nay khoảng 300 công nhân ngừng việc tập thể, tập trung trước cổng đòi trả lương.";

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, object body) =>
        client.PostAsJsonAsync("/api/v1/reports", body);

    public static object Report(string clientId, string text = StoppageText, string workplaceCode = "BN-005", string channel = "app", string? reporterRef = "ctv-01") =>
        new { clientId, workplaceCode, text, channel, reporterRef };

    public static async Task<Guid> IdOfAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Polls until the condition holds or the deadline passes; for real servers, where no test harness can observe the bus.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, TimeSpan within, string what) where T : class
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var value = await probe();
            if (value is not null) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Not observed within {within}: {what}");
            await Task.Delay(50);
        }
    }
}
