using SmartCity.Portal;
using SmartCity.Portal.Data;
using SmartCity.Portal.Web.Auth;
using SmartCity.Portal.Web.Hosting;

// `admin create ...`: the bootstrap command (scripts/admin.sh), on the same settings as the portal.
if (AdminCommand.Matches(args))
{
    return await AdminCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddPortalCore();
builder.Services.AddPortalData(builder.Configuration, builder.Environment);
builder.Services.AddPortalAuth(builder.Configuration);
builder.Services.AddPortalUi();

var app = builder.Build();

await app.InitializePortalDatabaseAsync();
if (app.ExitsAfterSeeding())
{
    return 0;
}

app.UsePortal();
app.LogStartupBanner();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can start the real host in tests.</summary>
public partial class Program;
