using System.Net;
using System.Net.Http.Json;
using Directive58.EndToEnd.Tests.Support;

namespace Directive58.EndToEnd.Tests.Authorization;

/// <summary>
/// Every page and API, called as every role and anonymously, allowed or denied exactly as one table says.
/// Denied means 401/403, or a redirect to the login or "not allowed" page; allowed means anything else below 500.
/// </summary>
public sealed class EveryPageAndApiTests(SignedInRoles roles) : IClassFixture<SignedInRoles>
{
    private const string A = "allow", D = "deny";

    // columns: anonymous, ctv (collaborator), cdcs (workplace officer), kcn (upper officer), ldld (analyst), capuy (committee), quantri (admin)
    public static readonly TheoryData<string, string, string[]> Table = new()
    {
        { "GET", "/", [D, A, A, A, A, A, A] },
        { "GET", "/Alerts", [D, D, A, A, A, A, A] },
        { "GET", "/Alerts?handler=Rows&view=mine", [D, D, A, A, A, A, A] },
        { "GET", "/HotSpots", [D, D, A, A, A, A, A] },
        { "GET", "/Reports", [D, D, A, A, A, A, A] },
        { "GET", "/Reports?handler=Csv", [D, D, A, A, A, A, A] },
        { "GET", "/Reports?handler=Xlsx", [D, D, A, A, A, A, A] },
        { "GET", "/Network", [D, D, A, A, A, A, A] },
        { "GET", "/Periodic", [D, D, A, A, A, A, A] },
        { "GET", "/Periodic?handler=Xlsx", [D, D, A, A, A, A, A] },
        { "GET", "/Surveys", [D, D, A, A, A, A, A] },
        { "GET", "/Surveys/Comments", [D, D, A, A, A, A, A] },
        { "GET", "/Surveys/Compare", [D, D, A, A, A, A, A] },
        { "GET", "/Submit", [D, A, A, A, A, A, A] },
        { "GET", "/Submit/Mine", [D, A, A, A, A, A, A] },
        { "GET", "/Model", [D, D, D, D, A, D, A] },
        { "GET", "/Admin/Users", [D, D, D, D, D, D, A] },
        { "GET", "/Admin/Audit", [D, D, D, D, D, D, A] },
        { "GET", "/Admin/Registry", [D, D, D, D, D, D, A] },
        { "GET", "/Admin/Registry?kind=contacts&handler=Csv", [D, D, D, D, D, D, A] },
        { "GET", "/Admin/RegistryEntry?kind=workplaces&key=BN-005", [D, D, D, D, D, D, A] },
        { "GET", "/Admin/RegistryEntry?kind=communes", [D, D, D, D, D, D, A] },
        { "POST", "/Admin/RegistryEntry?kind=communes", [D, D, D, D, D, D, A] },
        { "GET", "/api/v1/workplaces", [D, A, A, A, A, A, A] },
        { "GET", "/api/v1/workplaces/BN-005", [D, A, A, A, A, A, A] },
        { "GET", "/api/v1/unions", [D, A, A, A, A, A, A] },
        { "GET", "/api/v1/committees", [D, A, A, A, A, A, A] },
        { "GET", "/api/v1/industrial-zones", [D, A, A, A, A, A, A] },
        { "GET", "/api/v1/communes", [D, A, A, A, A, A, A] },
        { "GET", "/api/v1/contacts", [D, D, A, A, A, A, A] },
        { "GET", "/api/v1/hotspots", [D, D, A, A, A, A, A] },
        { "GET", "/api/v1/alerts", [D, D, A, A, A, A, A] },
        { "GET", "/api/v1/silences", [D, D, A, A, A, A, A] },
        { "GET", "/api/v1/models", [D, A, A, A, A, A, A] },
        { "GET", "/api/v1/surveys", [D, A, A, A, A, A, A] },
        { "POST", "/api/v1/reports/00000000-0000-0000-0000-000000000001/labels", [D, D, A, A, A, A, A] },
        { "POST", "/api/v1/communes", [D, D, D, D, D, D, A] },
        { "PUT", "/api/v1/communes/p-thu-nghiem", [D, D, D, D, D, D, A] },
        { "POST", "/api/v1/communes/import", [D, D, D, D, D, D, A] },
        { "DELETE", "/api/v1/contacts/00000000-0000-0000-0000-000000000001", [D, D, D, D, D, D, A] },
    };

    private static readonly string?[] Callers = [null, "ctv", "cdcs", "kcn", "ldld", "capuy", "quantri"];

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_role_is_allowed_or_denied_as_the_table_says(string method, string path, string[] expected)
    {
        var failures = new List<string>();
        for (var i = 0; i < Callers.Length; i++)
        {
            var response = await SendAsync(roles.Clients[Callers[i] ?? ""], method, path);
            var verdict = Verdict(response);
            if (verdict != expected[i]) failures.Add($"{Callers[i] ?? "anonymous"}: expected {expected[i]}, got {verdict} ({(int)response.StatusCode} {response.Headers.Location})");
        }
        Assert.True(failures.Count == 0, $"{method} {path}\n{string.Join("\n", failures)}");
    }

    private static string Verdict(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var toGate = location.Contains("/Denied", StringComparison.OrdinalIgnoreCase) || location.Contains("/login", StringComparison.OrdinalIgnoreCase);
        // 400/404/409 passed authorization (the request or the entry was wrong); 5xx is a failure of its own.
        return status is 401 or 403 || (status == 302 && toGate) ? D : status < 500 ? A : $"error {status}";
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (path.EndsWith("/import", StringComparison.Ordinal))
            request.Content = new StringContent("code,name,provinceCode\np-nhap-thu,Phường Nhập Thử,bac-ninh\n", System.Text.Encoding.UTF8, "text/csv");
        else if (method is "POST" or "PUT")
            request.Content = JsonContent.Create(new { code = $"p-{Guid.NewGuid():N}"[..20], name = "Phường Thử Nghiệm", provinceCode = "bac-ninh" });
        return client.SendAsync(request);
    }
}

/// <summary>One embedded app with the demo registry and a signed-in client per role (and one anonymous), shared by the table's rows.</summary>
public sealed class SignedInRoles : IAsyncLifetime
{
    public EmbeddedApp App { get; } = new();
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        (await App.StartAsync()).Dispose();
        await RoleUsers.CreateAsync(App);
        foreach (var name in RoleUsers.All.Keys) Clients[name] = await RoleUsers.SignInAsync(App, name);
        Clients[""] = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
