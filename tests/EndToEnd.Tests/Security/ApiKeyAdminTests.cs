using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Security;

/// <summary>Keys managed by an administrator: several per client, each revocable, each with its own rate.</summary>
public sealed class ApiKeyAdminTests
{
    [Fact]
    public async Task An_administrator_issues_two_keys_for_a_client_and_revoking_one_leaves_the_other_working()
    {
        await using var app = new EmbeddedApp();
        await app.StartAsync();
        var admin = await SignIn.AsAsync(app, "admin", ServiceApp<Directive58.Dashboard.DashboardEntryPoint>.AdminPassword);

        var first = await IssueAsync(admin, new { client = "zalo-bot", scopes = new[] { "ingest" } });
        var second = await IssueAsync(admin, new { client = "zalo-bot", scopes = new[] { "ingest" } });
        using (var list = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/apikeys?client=zalo-bot")))
        {
            Assert.Equal(2, list.RootElement.GetArrayLength());
            Assert.DoesNotContain(first.Key, list.RootElement.GetRawText());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/apikeys/{first.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SubmitWithAsync(app, first.Key, "revoked-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitWithAsync(app, second.Key, "kept-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/v1/apikeys/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_machine_key_cannot_manage_keys()
    {
        await using var app = new EmbeddedApp();
        var client = await app.StartAsync();

        var response = await client.PostAsJsonAsync("/api/v1/apikeys", new { client = "x", scopes = new[] { "ingest" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_Retry_After_as_problem_details()
    {
        await using var app = new EmbeddedApp();
        await app.StartAsync();
        var admin = await SignIn.AsAsync(app, "admin", ServiceApp<Directive58.Dashboard.DashboardEntryPoint>.AdminPassword);
        var slow = await IssueAsync(admin, new { client = "slow-app", scopes = new[] { "ingest" }, ratePerSecond = 1 });

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) responses.Add(await SubmitWithAsync(app, slow.Key, $"rate-{i}"));

        Assert.Equal(HttpStatusCode.Accepted, responses[0].StatusCode);
        var limited = responses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync());
    }

    private sealed record Issued(Guid Id, string Key);

    private static async Task<Issued> IssueAsync(HttpClient admin, object request)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/apikeys", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Issued(json.RootElement.GetProperty("id").GetGuid(), json.RootElement.GetProperty("key").GetString()!);
    }

    private static async Task<HttpResponseMessage> SubmitWithAsync(EmbeddedApp app, string key, string clientId)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return await Reports.PostAsync(client, Reports.Report(clientId));
    }
}
