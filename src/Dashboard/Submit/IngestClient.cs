using System.Net.Http.Json;
using System.Text.Json;
using Directive58.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Directive58.Dashboard.Submit;

/// <summary>
/// The collaborators' form submits through Ingest's public API, `POST /api/v1/reports`, so it gets
/// exactly the validation, masking and idempotency every other channel gets, and the dashboard never
/// writes Ingest's tables nor calls its types. Where Ingest runs: `Dashboard:IngestUrl`, by default
/// this very process (the embedded default hosts Ingest). The key: `Dashboard:IngestApiKey`, or else
/// one with the ingest scope that this process creates for itself at its first submission (stored
/// hashed like every key; the shared database makes it valid for a separate Ingest too).
/// </summary>
public sealed class IngestClient(HttpClient http, IConfiguration configuration, IServer server, ApiKeys keys, IngestClient.OwnKey ownKey)
{
    /// <summary>The key this process made for itself, kept for its lifetime (a singleton).</summary>
    public sealed class OwnKey
    {
        internal readonly SemaphoreSlim Gate = new(1, 1);
        internal string? Value;
    }

    public sealed record Outcome(Guid? Id, IReadOnlyDictionary<string, string[]> Errors);

    public async Task<Outcome> SubmitAsync(string clientId, string workplaceCode, string text, DateTimeOffset? occurredAt, string reporterRef, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress(), "/api/v1/reports"))
        {
            Content = JsonContent.Create(new { clientId, workplaceCode, text, channel = "web", occurredAt, reporterRef }),
        };
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, await KeyAsync(ct));
        using var response = await http.SendAsync(request, ct);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        if (response.IsSuccessStatusCode) return new Outcome(json.RootElement.GetProperty("id").GetGuid(), new Dictionary<string, string[]>());
        var errors = new Dictionary<string, string[]>();
        if (json.RootElement.TryGetProperty("errors", out var fields))
            foreach (var field in fields.EnumerateObject())
                errors[field.Name] = field.Value.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
        else
            errors[""] = [json.RootElement.TryGetProperty("title", out var title) ? title.GetString() ?? "" : response.ReasonPhrase ?? ""];
        return new Outcome(null, errors);
    }

    private Uri BaseAddress()
    {
        if (configuration["Dashboard:IngestUrl"] is { Length: > 0 } configured) return new Uri(configured);
        var own = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                  ?? throw new InvalidOperationException("Set Dashboard:IngestUrl: this process listens on no address.");
        // A wildcard listen address is not one to call: use loopback on the same port.
        var uri = new Uri(own.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://0.0.0.0", "://127.0.0.1"));
        return uri;
    }

    private async Task<string> KeyAsync(CancellationToken ct)
    {
        if (configuration["Dashboard:IngestApiKey"] is { Length: > 0 } configured) return configured;
        if (ownKey.Value is not null) return ownKey.Value;
        await ownKey.Gate.WaitAsync(ct);
        try
        {
            if (ownKey.Value is null)
            {
                var key = ApiKeys.NewKey();
                await keys.AddAsync("dashboard-submission-form", key, Policies.Ingest, ct);
                ownKey.Value = key;
            }
            return ownKey.Value;
        }
        finally { ownKey.Gate.Release(); }
    }
}
