using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Api;

namespace SmartCity.Portal.Web.Auth;

/// <summary>
/// While an account must change its password (an administrator asked for it, or an administrator's password
/// is shorter than the administrators' minimum), every page leads to the change-password page and every API
/// call but the change itself is refused (403 <c>must-change-password</c>).
/// </summary>
internal static class PasswordChangeGate
{
    public const string ChangePasswordPath = "/account/change-password";

    public static readonly Common.PortalMessage MustChange = new("must-change-password",
        "กรุณาเปลี่ยนรหัสผ่านก่อนใช้งานต่อ (POST /api/v1/account/change-password)",
        "Change your password before going on (POST /api/v1/account/change-password).");

    private static readonly string[] Allowed =
    [
        ChangePasswordPath, "/account/logout", "/api/v1/account/change-password", "/api/v1/me", "/culture", "/_framework", "/_content", "/_blazor",
        "/not-found", "/error", "/health",
    ];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(PortalClaimTypes.MustChangePassword, "true")
            && context.GetEndpoint()?.Metadata.GetMetadata<NoMembershipNeeded>() is null
            && !Allowed.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (context.Request.Path.StartsWithSegments(ApiExtensions.Prefix, StringComparison.Ordinal))
            {
                await ApiProblems.Create(StatusCodes.Status403Forbidden, MustChange).ExecuteAsync(context);
                return;
            }

            var returnUrl = context.Request.Path + context.Request.QueryString;
            context.Response.Redirect($"{ChangePasswordPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
            return;
        }

        await next(context);
    });
}
