using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.Web.Tests.Infrastructure;

/// <summary>
/// The real host over a real SQLite file in a temp folder of its own (never the developer's
/// data/ folder, never EF in-memory). The app migrates and seeds itself at start, exactly as in
/// production. One per test class (IClassFixture): starting a host costs a migration and a seed.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string environmentName;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> signedInClients = new(StringComparer.Ordinal);

    public PortalFactory()
        : this("Development", new Dictionary<string, string>(StringComparer.Ordinal))
    {
    }

    protected PortalFactory(string environmentName, IReadOnlyDictionary<string, string> settings)
    {
        this.environmentName = environmentName;
        this.settings = settings;
        DataDirectory = Path.Combine(Path.GetTempPath(), "smartcity-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string DatabaseFile => Path.Combine(DataDirectory, "portal.db");

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient CreatePortalClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>
    /// A client signed in as this demo user, shared by the tests of the class that only read
    /// (signing in hashes a password: doing it once per user keeps the matrix fast). Tests that
    /// change cookies or the account make their own client.
    /// </summary>
    public Task<HttpClient> SignedInClientAsync(string userName) =>
        signedInClients.GetOrAdd(userName, name => new Lazy<Task<HttpClient>>(async () =>
        {
            var client = CreatePortalClient();
            await client.SignInAsync(name);
            return client;
        })).Value;

    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var dbFactory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync();
        return await query(db);
    }

    public Task<int> OrgUnitIdAsync(string code) =>
        QueryAsync(db => db.OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // UseSetting reaches a minimal-hosting Program as command-line arguments, so these win over
        // appsettings.json and are already visible while Program registers its services.
        builder.UseEnvironment(environmentName);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Seed:Demo", "true");
        // The host's start-up chatter would bury the test results; warnings and errors still show.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    // WebApplicationFactory.DisposeAsync ends in Dispose(true), so this runs on either path.
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteDataDirectory();
        }
    }

    private void DeleteDataDirectory()
    {
        // Pooled connections keep the file open; release them before deleting the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing a test run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Environment Production with Seed:Demo on, as a careless deployment would be.</summary>
public sealed class ProductionPortalFactory() : PortalFactory("Production", new Dictionary<string, string>(StringComparer.Ordinal));

/// <summary>Auth:Mode Entra with made-up tenant and client ids: enough to build the host, never to sign in.</summary>
public sealed class EntraPortalFactory() : PortalFactory("Development", new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Auth:Mode"] = "Entra",
    ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
    ["AzureAd:TenantId"] = "8a1c5b0e-3f2d-4c7a-9b6e-1d2f3a4b5c6d",
    ["AzureAd:ClientId"] = "0f9e8d7c-6b5a-4c3d-2e1f-0a9b8c7d6e5f",
});
