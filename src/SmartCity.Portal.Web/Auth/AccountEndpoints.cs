using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SmartCity.Portal.Web.Auth;

/// <summary>
/// The few sign-in steps that must set or clear cookies, which a Blazor circuit cannot do.
/// Microsoft.Identity.Web.UI is not served here, so the Entra ones are written out too.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        var mode = app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.Mode;

        account.MapPost("/logout", async (HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.LocalRedirect("/");
            }

            context.Response.Cookies.Delete(PortalClaimsTransformation.ActiveOrgCookie);
            if (mode == AuthMode.Entra)
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIdConnectDefaults.AuthenticationScheme]);
            }

            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect(AuthServiceCollectionExtensions.LoginPath);
        }).AllowAnonymous();

        // The office switcher: remember the choice; the claims transformation uses it only if the
        // user really is a member of that office, so a forged value changes nothing.
        account.MapGet("/switch-office/{orgUnitId:int}", (int orgUnitId, HttpContext context) =>
        {
            context.Response.Cookies.Append(PortalClaimsTransformation.ActiveOrgCookie, orgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true });
            return Results.LocalRedirect("/");
        });

        if (mode == AuthMode.Entra)
        {
            account.MapGet("/entra", ([FromQuery] string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
                .AllowAnonymous();
        }

        return app;
    }

    /// <summary>Only local paths: an open redirect after sign-in is a phishing tool.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
