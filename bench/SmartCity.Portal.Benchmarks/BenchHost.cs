using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Benchmarks;

/// <summary>The web app's data registrations on a fresh SQLite file, in the Development environment with demo data on.</summary>
public static class BenchHost
{
    public static ServiceProvider Build(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        var environment = new BenchEnvironment(dataDirectory);
        services.AddSingleton<IHostEnvironment>(environment);
        services.AddSingleton(TimeProvider.System);
        services.AddPortalData(configuration, environment);
        services.AddPortalCore();
        services.AddIdentityCore<PortalUser>().AddEntityFrameworkStores<PortalDbContext>();
        // The national set is seeded separately below so that its time and counts are reported on their own.
        services.Configure<SeedOptions>(o => o.Demo = true);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static string ConnectionString(string dataDirectory) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "portal.db"), Pooling = true }.ToString();

    /// <summary>A demo account as the service layer sees it after sign-in.</summary>
    public static async Task<ClaimsPrincipal> SignInAsync(IDbContextFactory<PortalDbContext> factory, string userName)
    {
        string userId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        }

        var membership = await new ActiveMembershipResolver(factory).ResolveAsync(userId, null, null, null)
            ?? throw new InvalidOperationException($"{userName} has no usable membership.");
        return new ClaimsPrincipal(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), "bench"));
    }

    private sealed class BenchEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;

        public string ApplicationName { get; set; } = "SmartCity.Portal.Benchmarks";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
