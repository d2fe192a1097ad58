using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>
/// Microsoft.Identity.Web is registered only in Entra mode: its challenge needs a real tenant.
/// Only the built hosts' schemes are inspected; no request here would need Entra.
/// </summary>
public sealed class AuthModeTests(PortalFactory local, EntraPortalFactory entra) : IClassFixture<PortalFactory>, IClassFixture<EntraPortalFactory>
{
    [Fact]
    public async Task Local_mode_has_Identity_cookies_and_no_OpenIdConnect()
    {
        var schemes = await SchemeNamesAsync(local.Services);

        Assert.DoesNotContain(OpenIdConnectDefaults.AuthenticationScheme, schemes);
        Assert.Contains(IdentityConstants.ApplicationScheme, schemes);
        var provider = local.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal(IdentityConstants.ApplicationScheme, (await provider.GetDefaultChallengeSchemeAsync())?.Name);
    }

    [Fact]
    public async Task Entra_mode_registers_OpenIdConnect_as_the_challenge()
    {
        var schemes = await SchemeNamesAsync(entra.Services);

        Assert.Contains(OpenIdConnectDefaults.AuthenticationScheme, schemes);
        var provider = entra.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        Assert.Equal(OpenIdConnectDefaults.AuthenticationScheme, (await provider.GetDefaultChallengeSchemeAsync())?.Name);
    }

    private static async Task<IReadOnlyList<string>> SchemeNamesAsync(IServiceProvider services)
    {
        var provider = services.GetRequiredService<IAuthenticationSchemeProvider>();
        return [.. (await provider.GetAllSchemesAsync()).Select(s => s.Name)];
    }
}
