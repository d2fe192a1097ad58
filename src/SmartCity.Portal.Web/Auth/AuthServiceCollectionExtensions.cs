using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    public const string LoginPath = "/account/login";
    public const string AccessDeniedPath = "/account/access-denied";

    public static IServiceCollection AddPortalAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.Section);
        var auth = section.Get<AuthOptions>() ?? new AuthOptions();
        services.Configure<AuthOptions>(section);

        // The user store serves both modes: local accounts sign in with it, Entra users are
        // rows keyed by their object id so that memberships can point at them.
        var identity = services.AddIdentityCore<PortalUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.LockoutMinutes);
                o.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<PortalDbContext>();

        if (auth.Mode == AuthMode.Entra)
        {
            // Only here: Identity.Web's challenge needs a tenant, so Local mode never registers it.
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.AccessDeniedPath = AccessDeniedPath;
                o.Cookie.Name = "portal.auth";
            });
        }
        else
        {
            identity.AddSignInManager();
            services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
            services.ConfigureApplicationCookie(o =>
            {
                o.LoginPath = LoginPath;
                o.AccessDeniedPath = AccessDeniedPath;
                o.Cookie.Name = "portal.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
            });
        }

        services.AddHttpContextAccessor();
        services.AddTransient<IClaimsTransformation, PortalClaimsTransformation>();
        services.AddAuthorization(TierPolicies.Add);
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, MembershipRevalidatingAuthenticationStateProvider>();
        return services;
    }
}
