using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Pipeline;

/// <summary>Each kind of bad request gets its own 4xx as problem details, and nothing is stored.</summary>
public sealed class BadInputTests : IClassFixture<BadInputTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public EmbeddedApp Host { get; } = new();
        public HttpClient Client { get; private set; } = null!;
        public async Task InitializeAsync() => Client = await Host.StartAsync();
        public async Task DisposeAsync() => await Host.DisposeAsync();
    }

    private readonly App _app;

    public BadInputTests(App app) => _app = app;

    public static TheoryData<string, string, string, int> Cases => new()
    {
        { "empty text", "application/json", Json(text: "   "), 400 },
        { "text over 4,000 characters", "application/json", Json(text: new string('a', 4001)), 400 },
        { "1 MB request", "application/json", Json(text: new string('a', 1_000_000)), 413 },
        { "unknown workplace", "application/json", Json(workplaceCode: "KHONG-CO"), 422 },
        { "malformed JSON", "application/json", "{\"clientId\": \"x\", \"text\": ", 400 },
        { "wrong content type", "text/plain", Json(), 415 },
        { "unknown channel", "application/json", Json(channel: "fax"), 400 },
        { "missing client id", "application/json", Json(clientId: ""), 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_gets_a_problem_and_stores_nothing(string why, string contentType, string body, int expected)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);

        var response = await _app.Client.PostAsync("/api/v1/reports", content);

        Assert.True(expected == (int)response.StatusCode, $"{why}: expected {expected}, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, problem.RootElement.GetProperty("status").GetInt32());
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("d58_not_a_key")]
    public async Task A_missing_or_wrong_api_key_is_refused_with_401(string? key)
    {
        using var client = _app.Host.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);

        var response = await Reports.PostAsync(client, Reports.Report("no-key"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var connection = await _app.Host.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from reports"));
    }

    private static string Json(string clientId = "bad-1", string workplaceCode = "BN-001", string text = "Công ty nợ lương", string channel = "app") =>
        JsonSerializer.Serialize(new { clientId, workplaceCode, text, channel });
}
