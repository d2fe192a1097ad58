using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.HttpOverrides;
using MudBlazor.Services;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Api;
using SmartCity.Portal.Web.Auth;
using SmartCity.Portal.Web.Features.Submissions;
using SmartCity.Portal.Web.Components;
using SmartCity.Portal.Web.Localization;

namespace SmartCity.Portal.Web.Hosting;

public static partial class PortalHostingExtensions
{
    public static IServiceCollection AddPortalUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Without this, Thai is written as &#xE..; entities: three times the bytes, and text checks break.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        services.AddPortalApi();
        services.AddSubmissionsUi();
        return services;
    }

    public static async Task InitializePortalDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    /// <summary>Seed:ExitAfterSeeding: the database is ready and nothing should be served (scripts/seed-national.sh).</summary>
    public static bool ExitsAfterSeeding(this WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SeedOptions>>().Value.ExitAfterSeeding;

    public static WebApplication UsePortal(this WebApplication app)
    {
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseRequestLocalization(PortalCultures.Options());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeGate();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous().WithMetadata(new NoMembershipNeeded());
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapPortalApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    public static void LogStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var seed = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SeedOptions>>().Value;
            var demo = seed.Demo && !app.Environment.IsProduction();
            foreach (var url in app.Urls)
            {
                LogListening(app.Logger, url);
            }

            if (app.Environment.IsProduction() && string.IsNullOrWhiteSpace(app.Configuration["Portal:PublicBaseUrl"]))
            {
                LogNoPublicBaseUrl(app.Logger);
            }

            if (demo)
            {
                LogDemo(app.Logger, string.Join(", ", DemoAccounts.All.Select(a => a.UserName).Take(3)), seed.DemoPassword);
            }
        });
    }

    [LoggerMessage(LogLevel.Information, "SmartCity.Portal is ready at {Url}")]
    private static partial void LogListening(ILogger logger, string url);

    [LoggerMessage(LogLevel.Warning, "Portal:PublicBaseUrl is not set: set-password links use the server's own address, which officers may not reach. Set it to the portal's public address.")]
    private static partial void LogNoPublicBaseUrl(ILogger logger);

    [LoggerMessage(LogLevel.Information, "Demo sign-in: user names such as {Examples}, dla, admin; password {Password} (see README)")]
    private static partial void LogDemo(ILogger logger, string examples, string password);
}
