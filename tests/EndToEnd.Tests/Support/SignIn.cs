using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Directive58.EndToEnd.Tests.Support;

/// <summary>Signs in through the real login form (antiforgery token included) and keeps the cookie.</summary>
public static partial class SignIn
{
    public static async Task<HttpClient> AsAsync<T>(ServiceApp<T> app, string userName, string password) where T : class
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/Login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        if ((int)response.StatusCode != 302) throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
