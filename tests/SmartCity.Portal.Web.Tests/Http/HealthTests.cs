using System.Net;
using Microsoft.Data.Sqlite;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>
/// /health answers from a real query: a host whose database file is destroyed under it reports
/// Unhealthy. This class breaks its own database, so it has its own factory (one per class).
/// </summary>
public sealed class HealthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Health_is_Healthy_while_the_database_answers_and_Unhealthy_once_it_does_not()
    {
        using var client = factory.CreatePortalClient();

        using (var healthy = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
            Assert.Equal("Healthy", await healthy.Content.ReadAsStringAsync());
        }

        // The host really runs on this class's own file, not on the developer's data/ folder.
        Assert.True(File.Exists(factory.DatabaseFile), factory.DatabaseFile);

        // Close the pooled connections (which hold the file open), then replace the file with
        // garbage: the same host, the same connection string, a database that no longer answers.
        SqliteConnection.ClearAllPools();
        File.Delete(factory.DatabaseFile + "-wal");
        File.Delete(factory.DatabaseFile + "-shm");
        await File.WriteAllBytesAsync(factory.DatabaseFile, [.. Enumerable.Repeat((byte)0x5A, 8192)]);

        using var unhealthy = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("Unhealthy", await unhealthy.Content.ReadAsStringAsync());
    }
}
