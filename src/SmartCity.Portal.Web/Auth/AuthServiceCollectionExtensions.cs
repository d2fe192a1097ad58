using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using SmartCity.Portal;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Auth;

public static class AuthServiceCollectionExtensions
{
    public const string LoginPath = "/account/login";
    public const string AccessDeniedPath = "/account/access-denied";

    /// <summary>The API's policy: a signed-in user by bearer token or by the pages' cookie.</summary>
    public const string ApiPolicy = "PortalApi";

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
                // Length over composition (NIST SP 800-63B): the portal's own PasswordPolicy decides when a
                // password is set; Identity only keeps its floor.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                // "Confirmed" means "not disabled" here (PortalUserConfirmation): a disabled account cannot sign in.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddUserConfirmation<PortalUserConfirmation>();
        services.PostConfigure<Accounts.AccountOptions>(o => o.SignInWithEntra = auth.Mode == AuthMode.Entra);
        services.AddSingleton<Accounts.IAccountLinks, PublicLinks>();
        services.AddHostedService<Accounts.PasswordResetWorker>();

        if (auth.Mode == AuthMode.Entra)
        {
            // Only here: Identity.Web's challenge needs a tenant, so Local mode never registers it.
            services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));
            // The API takes Entra access tokens for the same app registration (audience = client id).
            services.AddAuthentication().AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"), JwtBearerDefaults.AuthenticationScheme);
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
            // The API's bearer tokens (POST /api/v1/auth/token): opaque, data-protected, one hour.
            services.AddAuthentication().AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));
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
        string[] apiSchemes = auth.Mode == AuthMode.Entra
            ? [CookieAuthenticationDefaults.AuthenticationScheme, JwtBearerDefaults.AuthenticationScheme]
            : [IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme];
        services.AddAuthorizationBuilder().AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(apiSchemes).RequireAuthenticatedUser());
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, MembershipRevalidatingAuthenticationStateProvider>();
        return services;
    }
}
