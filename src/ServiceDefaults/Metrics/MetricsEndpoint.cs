using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Directive58.ServiceDefaults.Metrics;

/// <summary>
/// `GET /metrics` for Prometheus. Anonymous, like the health endpoints: expose it only on the
/// internal network (see deploy/README.md), never through the public reverse proxy.
/// </summary>
internal static class MetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", async (HttpContext http, PrometheusMetrics metrics, IEnumerable<IMetricsSource> sources, CancellationToken ct) =>
        {
            var text = new StringBuilder();
            await metrics.WriteAsync(text, sources, ct);
            http.Response.ContentType = ContentType;
            await http.Response.WriteAsync(text.ToString(), ct);
        }).AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
