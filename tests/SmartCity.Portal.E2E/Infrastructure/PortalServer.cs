using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>
/// The real portal (Program.cs, middleware, SQLite, demo seeding) on real Kestrel at
/// 127.0.0.1 on a free port, so that a real browser can reach it. Each run gets its own
/// data directory, deleted afterwards; the Development environment keeps demo data on and
/// lets static web assets resolve from the build output.
/// </summary>
public class PortalServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"smartcity-e2e-{Guid.NewGuid():N}");
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public PortalServer()
        : this("Development", new Dictionary<string, string>(StringComparer.Ordinal) { ["Seed:Demo"] = "true" })
    {
    }

    /// <summary>Another environment or other settings (a fresh Production install, say); they win over the defaults below.</summary>
    protected PortalServer(string environment, IReadOnlyDictionary<string, string> settings)
    {
        _environment = environment;
        _settings = settings;
        // .NET 10: Kestrel instead of TestServer. Port 0 lets the OS pick a free one.
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the browser goes, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public string DataDirectory => _dataDirectory;

    public Task InitializeAsync()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.SingleOrDefault()
            ?? throw new InvalidOperationException($"Expected Kestrel to listen on one address, got: {string.Join(", ", addresses)}");
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        if (!File.Exists(Path.Combine(_dataDirectory, "portal.db")))
        {
            throw new InvalidOperationException($"The portal did not create its database in the test data directory {_dataDirectory}.");
        }

        return Task.CompletedTask;
    }

    /// <summary>The id of the org unit with this business code, read through the app's own services.</summary>
    public async Task<int> OrgUnitIdAsync(string code)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Someone else saves the municipality's submission (its concurrency token rotates); no page is told.</summary>
    public async Task ChangeSubmissionElsewhereAsync(string municipalityCode)
    {
        var factory = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var submission = await db.Submissions.SingleAsync(s => s.Municipality!.Code == municipalityCode);
        submission.UpdatedUtc = DateTime.UtcNow;
        await db.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        // Pooled connections keep the file open; release them before deleting the directory.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(_environment);
        // Outside Development the host does not map the build output's static web assets (MudBlazor, blazor.web.js) by itself.
        builder.UseStaticWebAssets();
        builder.UseSetting("Storage:DataDirectory", _dataDirectory);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", "");
        builder.UseSetting("Auth:Mode", "Local");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
