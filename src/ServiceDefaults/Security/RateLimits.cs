using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;

namespace Directive58.ServiceDefaults.Security;

/// <summary>
/// Per-key request rates with ASP.NET Core's rate limiter: a token bucket per API key
/// (`RateLimits:PermitsPerSecond`, default 100, bursts of `RateLimits:Burst`, default twice that;
/// a key's own `rate_per_second` overrides). Over the limit: 429, Retry-After, problem details.
/// People signed in to the dashboard are not limited here.
/// </summary>
public static class RateLimits
{
    public const string RateClaim = "rate";

    public static IServiceCollection AddPerKeyRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var defaultRate = configuration.GetValue("RateLimits:PermitsPerSecond", 100);
        var burstFactor = configuration.GetValue<double?>("RateLimits:BurstFactor") ?? 2.0;
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var id = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
                if (id is null || !id.StartsWith("apikey:", StringComparison.Ordinal)) return RateLimitPartition.GetNoLimiter("people");
                var rate = int.TryParse(http.User.FindFirstValue(RateClaim), CultureInfo.InvariantCulture, out var own) ? own : defaultRate;
                return RateLimitPartition.GetTokenBucketLimiter($"{id}:{rate}", _ => new TokenBucketRateLimiterOptions
                {
                    // Refilled ten times a second where the rate allows, so a client at its rate rarely waits a whole second.
                    TokenLimit = Math.Max(1, (int)(rate * burstFactor)),
                    TokensPerPeriod = rate % 10 == 0 ? rate / 10 : rate,
                    ReplenishmentPeriod = rate % 10 == 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(Problems.Write(context.HttpContext, StatusCodes.Status429TooManyRequests,
                    "Gửi quá nhanh / Too many requests",
                    $"Khóa API này đã vượt giới hạn tốc độ; thử lại sau {seconds} giây. This API key is over its rate limit; retry after {seconds} s."));
            };
        });
        return services;
    }
}
