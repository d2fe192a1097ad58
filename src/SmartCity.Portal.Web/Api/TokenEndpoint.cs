using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Security;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartCity.Portal.Web.Api;

/// <summary>
/// Local mode: a password buys a bearer token from ASP.NET Core's bearer token handler. The token
/// carries only who the user is; the office and role are resolved from the membership table on
/// every request (the claims transformation), so a revoked membership stops the token at once.
/// </summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this RouteGroupBuilder api) =>
        api.MapPost("/auth/token", IssueAsync)
            .AllowAnonymous()
            .WithTags("auth")
            .WithSummary("Exchange a user name and password for a bearer token (Local mode only)")
            .Accepts<TokenRequest>("application/json")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> IssueAsync(
        HttpRequest request, SignInManager<PortalUser> signIn, Accounts.SignInRecorder signIns, IOptions<HttpJsonOptions> json)
    {
        var body = await ApiBody.ReadAsync<TokenRequest>(request, json.Value.SerializerOptions);
        if (string.IsNullOrEmpty(body?.UserName) || string.IsNullOrEmpty(body.Password))
        {
            throw new ApiUnauthorizedException(ApiMessages.BadCredentials);
        }

        var user = await signIn.UserManager.FindByNameAsync(body.UserName)
            ?? throw new ApiUnauthorizedException(ApiMessages.BadCredentials);
        var result = await signIn.CheckPasswordSignInAsync(user, body.Password, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            throw new ApiUnauthorizedException(ApiMessages.LockedOut);
        }

        if (!result.Succeeded)
        {
            throw new ApiUnauthorizedException(ApiMessages.BadCredentials);
        }

        // A forced password change is not refused here: the token works for POST /account/change-password only (PasswordChangeGate).
        await signIns.RecordAsync(user.Id, body.Password, request.HttpContext.RequestAborted);

        // NameIdentifier (the user id), Name and the security stamp; no role and no office.
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
