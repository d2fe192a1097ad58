using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Accounts;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartCity.Portal.Web.Api;

public sealed record SetPasswordDto(string? Token, string? NewPassword);

public sealed record ForgotPasswordDto(string? UserNameOrEmail);

public sealed record ChangePasswordDto(string? CurrentPassword, string? NewPassword);

public sealed record PasswordSetDto(string UserName);

/// <summary>
/// Passwords over HTTP (Local mode), the same <see cref="PasswordLinkService"/> calls as the account pages:
/// set one with a link (anonymous), ask for a reset link (anonymous, always 202), change one's own.
/// </summary>
internal static class PasswordEndpoints
{
    public static void MapPasswordEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("account");
        account.MapPost("/set-password", SetAsync).AllowAnonymous()
            .WithSummary("Set a password with a one-time link's token {token, newPassword} → {userName}; 422 for an expired, used, revoked or unknown token or a refused password")
            .Accepts<SetPasswordDto>("application/json").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        account.MapPost("/forgot-password", Forgot).AllowAnonymous()
            .WithSummary("Ask for a reset link by e-mail {userNameOrEmail}: always 202, whether or not the account exists")
            .Accepts<ForgotPasswordDto>("application/json").Produces(StatusCodes.Status202Accepted);
        account.MapPost("/change-password", ChangeAsync)
            .WithSummary("The signed-in user changes their password {currentPassword, newPassword} → 204")
            .Accepts<ChangePasswordDto>("application/json").ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Ok<PasswordSetDto>> SetAsync(HttpRequest request, PasswordLinkService passwords, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<SetPasswordDto>(request, json.Value.SerializerOptions) ?? throw new ApiBadRequestException(ApiMessages.InvalidBody);
        return TypedResults.Ok(new PasswordSetDto(await passwords.SetPasswordAsync(body.Token, body.NewPassword, cancellationToken)));
    }

    /// <summary>Only enqueues: the answer and its timing tell nothing about the account (the worker does the rest).</summary>
    private static async Task<Accepted> Forgot(HttpRequest request, PasswordResetRequests requests, IOptions<HttpJsonOptions> json)
    {
        ForgotPasswordDto? body = null;
        try
        {
            body = await ApiBody.ReadAsync<ForgotPasswordDto>(request, json.Value.SerializerOptions);
        }
        catch (ApiBadRequestException)
        {
            // Same answer for a malformed body: nothing to learn from the difference.
        }

        requests.Enqueue(body?.UserNameOrEmail);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<NoContent> ChangeAsync(
        ClaimsPrincipal user, HttpRequest request, PasswordLinkService passwords, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<ChangePasswordDto>(request, json.Value.SerializerOptions) ?? throw new ApiBadRequestException(ApiMessages.InvalidBody);
        await passwords.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword, cancellationToken);
        return TypedResults.NoContent();
    }
}
