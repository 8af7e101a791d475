using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Directive58.Classifier.ClassifyReport;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>
/// A batch of reports spread over workplaces, some critical, and a client that submits them as a
/// real one would: it retries whatever got no 202 (timeouts, 5xx, 429, dropped connections) with
/// the same clientId, and remembers the id of every report that got its 202.
/// </summary>
public sealed class ReportLoad(string prefix, int count, IReadOnlyList<string> workplaces)
{
    private const string Critical = "Sáng nay khoảng 300 công nhân ngừng việc tập thể, tập trung trước cổng đòi trả lương.";
    private const string Low = "Công nhân hỏi về lịch tăng ca tháng sau, mong được báo trước.";
    private const string Calm = "Bếp ăn ca tối đã cải thiện, anh chị em hài lòng.";

    public ConcurrentDictionary<string, Guid> Accepted { get; } = new();
    public int Retries;

    public IEnumerable<(string ClientId, string Workplace, string Text)> Reports => Enumerable.Range(0, count).Select(i =>
    {
        var workplace = workplaces[i % workplaces.Count];
        // Every fourth workplace gets a critical report now and then; the rest only calm or low ones.
        var text = (i % workplaces.Count) % 4 == 0 && i % 7 == 0 ? Critical : i % 3 == 0 ? Low : Calm;
        return ($"{prefix}-{i:00000}", workplace, text);
    });

    /// <summary>Workplaces that must end with exactly one alert: those that got a critical report.</summary>
    public IReadOnlySet<string> ExpectedAlertWorkplaces()
    {
        var classifier = new KeywordClassifier();
        var risks = Reports.Select(r => (r.Workplace, Risk: classifier.Classify(r.Text).Risk)).ToList();
        // Elevated reports would open warnings by a rule of their own; this load keeps clear of them.
        Assert.DoesNotContain(risks, r => r.Risk == "elevated");
        return risks.Where(r => r.Risk == "critical").Select(r => r.Workplace).ToHashSet();
    }

    public Task SubmitAsync(Func<HttpClient> client, int concurrency) =>
        Parallel.ForEachAsync(Reports, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (report, _) =>
        {
            var body = new { clientId = report.ClientId, workplaceCode = report.Workplace, text = report.Text, channel = "app", reporterRef = $"ctv-{report.ClientId}" };
            var backoff = TimeSpan.FromMilliseconds(100);
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (true)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    using var response = await client().PostAsJsonAsync("/api/v1/reports", body, timeout.Token);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        Accepted[report.ClientId] = await Support.Reports.IdOfAsync(response);
                        break;
                    }
                    if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                        throw new InvalidOperationException($"{report.ClientId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                // ObjectDisposed: the service was restarted under this request, as a client sees a dropped connection.
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or ObjectDisposedException) { }
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{report.ClientId} never got a 202");
                Interlocked.Increment(ref Retries);
                await Task.Delay(backoff);
                backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 2000));
            }
        });
}
