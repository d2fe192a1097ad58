using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>Entra mode: the API takes Entra access tokens (JwtBearer), issues none of its own, and still answers 401 JSON.</summary>
public sealed class ApiEntraModeTests(EntraPortalFactory factory) : IClassFixture<EntraPortalFactory>
{
    [Fact]
    public async Task Entra_mode_registers_JwtBearer_for_the_API_and_no_local_bearer_tokens()
    {
        var provider = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var schemes = (await provider.GetAllSchemesAsync()).Select(s => s.Name).ToList();

        Assert.Contains(JwtBearerDefaults.AuthenticationScheme, schemes);
        Assert.DoesNotContain(IdentityConstants.BearerScheme, schemes);
    }

    [Fact]
    public async Task Without_a_token_the_API_answers_401_json_not_a_redirect_to_Entra()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync(new Uri("/api/v1/submissions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("unauthenticated", (await response.JsonAsync()).GetProperty("code").GetString());
    }
}
