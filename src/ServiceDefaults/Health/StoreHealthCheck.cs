using Dapper;
using Directive58.ServiceDefaults.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Directive58.ServiceDefaults.Health;

internal sealed class StoreHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>("select 1");
            return HealthCheckResult.Healthy($"{database.Provider} reachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} unreachable", ex);
        }
    }
}
