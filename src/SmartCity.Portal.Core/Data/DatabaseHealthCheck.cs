using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SmartCity.Portal.Data;

/// <summary>Healthy when the database answers a real query, not merely when the file or server exists.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<PortalDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var units = await db.OrgUnits.CountAsync(cancellationToken);
            return units > 0 ? HealthCheckResult.Healthy($"{units} org units") : HealthCheckResult.Degraded("The organisation tree is empty.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
