using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Directive58.ServiceDefaults.Security;

/// <summary>Authenticates machine clients by their `X-Api-Key` header; answers 401/403 as problem details.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeys keys, IMemoryCache cache) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>The cache entry of a key, by its hash; revoking a key removes it here at once.</summary>
    public static string CacheKey(string hash) => "apikey:" + hash;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
            return AuthenticateResult.NoResult();
        var key = values[0]!;
        // A short cache keeps the hot ingest path off the database; revocation takes effect within a minute.
        var record = await cache.GetOrCreateAsync(CacheKey(ApiKeys.Hash(key)), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            return await keys.FindAsync(key, Context.RequestAborted);
        });
        if (record is null || record.RevokedAt is not null) return AuthenticateResult.Fail("Unknown or revoked API key");
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "apikey:" + record.Id), new(ClaimTypes.Name, record.Name) };
        if (record.RatePerSecond is { } rate) claims.Add(new Claim(RateLimits.RateClaim, rate.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        claims.AddRange(record.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => new Claim(Policies.ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status401Unauthorized, "Cần khóa API hợp lệ / A valid API key is required",
            $"Gửi khóa trong tiêu đề {Header}. Send the key in the {Header} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.Write(Context, StatusCodes.Status403Forbidden, "Không đủ quyền / Not allowed",
            "Khóa API này không có quyền thực hiện thao tác. This key lacks the scope for this operation.");
}
