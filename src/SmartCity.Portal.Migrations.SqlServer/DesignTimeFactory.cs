using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model and script migrations without a server: nothing here connects.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=localhost;Database=SmartCityPortal;Integrated Security=true;TrustServerCertificate=true" }, ".");
        return new PortalDbContext(options.Options);
    }
}
