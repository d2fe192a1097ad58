using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Data;

/// <summary>The start-up path end to end, on an empty file: migrate, seed the tree, and demo data only outside Production.</summary>
public sealed class DatabaseInitializerTests
{
    private const int TreeUnits = 2 + 76 + 877;

    [Fact]
    public async Task Outside_Production_migrates_and_seeds_the_tree_demo_data_and_accounts()
    {
        var database = new SqliteTestDatabase();
        try
        {
            await InitializeAsync(database, Environments.Development);

            await using var db = database.CreateContext();
            Assert.Equal(TreeUnits + DemoOrganisations.Municipalities.Count, await db.OrgUnits.CountAsync());
            Assert.Equal(DemoAccounts.All.Count, await db.Users.CountAsync());
            Assert.Equal("wal", await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").AsAsyncEnumerable().SingleAsync());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task In_Production_seeds_the_tree_but_refuses_demo_data_even_when_asked()
    {
        var database = new SqliteTestDatabase();
        try
        {
            await InitializeAsync(database, Environments.Production);
            await InitializeAsync(database, Environments.Production);

            await using var db = database.CreateContext();
            Assert.Equal(TreeUnits, await db.OrgUnits.CountAsync());
            Assert.False(await db.OrgUnits.AnyAsync(o => o.IsDemo || o.Kind == OrgUnitKind.Municipality));
            Assert.False(await db.Users.AnyAsync());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_national_data_set_is_refused_in_Production_and_without_demo_data()
    {
        var database = new SqliteTestDatabase();
        try
        {
            await InitializeAsync(database, Environments.Production, o => o.National = true);
            await InitializeAsync(database, Environments.Development, o => (o.Demo, o.National) = (false, true));

            await using var db = database.CreateContext();
            Assert.False(await db.OrgUnits.AnyAsync(o => o.IsSynthetic || o.Kind == OrgUnitKind.Municipality));
            Assert.False(await db.Submissions.AnyAsync());
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private static async Task InitializeAsync(SqliteTestDatabase database, string environmentName, Action<SeedOptions>? seed = null)
    {
        var services = database.AddPortalServices(new ServiceCollection());
        services.AddSingleton(database.DatabaseOptions);
        services.AddSingleton(new StorageOptions { DataDirectory = database.DataDirectory });
        services.Configure<SeedOptions>(o =>
        {
            o.Demo = true;
            seed?.Invoke(o);
        });
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(environmentName, database.DataDirectory));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<DatabaseInitializer>();

        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    private sealed class TestHostEnvironment(string environmentName, string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environmentName;

        public string ApplicationName { get; set; } = "SmartCity.Portal.Core.Tests";

        public string ContentRootPath { get; set; } = contentRoot;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
