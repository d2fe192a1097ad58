using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Web.Auth;

/// <summary>
/// A circuit keeps the claims it started with for as long as the tab stays open (often a whole working
/// day). Every <see cref="AuthOptions.RevalidationInterval"/> (30 s) this re-reads the account and its
/// membership: a disabled account, an ended membership or a changed role turns the circuit anonymous, and
/// the router sends the page to the sign-in screen (decision 0026). The loop waits on the injected
/// <see cref="TimeProvider"/>, so tests drive it with a fake clock instead of sleeping.
/// </summary>
internal sealed partial class MembershipRevalidatingAuthenticationStateProvider : ServerAuthenticationStateProvider, IDisposable
{
    private readonly ActiveMembershipResolver resolver;
    private readonly TimeProvider clock;
    private readonly TimeSpan interval;
    private readonly ILogger logger;
    private CancellationTokenSource? loop;

    public MembershipRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory, ActiveMembershipResolver resolver, IOptions<AuthOptions>? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.resolver = resolver;
        this.clock = clock ?? TimeProvider.System;
        interval = options?.Value.RevalidationInterval is { } i && i > TimeSpan.Zero ? i : AuthOptions.DefaultRevalidationInterval;
        logger = loggerFactory.CreateLogger<MembershipRevalidatingAuthenticationStateProvider>();
        AuthenticationStateChanged += Restart;
    }

    public TimeSpan Interval => interval;

    private void Restart(Task<AuthenticationState> state)
    {
        var previous = Interlocked.Exchange(ref loop, new CancellationTokenSource());
        previous?.Cancel();
        previous?.Dispose();
        _ = RevalidateAsync(state, loop!.Token);
    }

    private async Task RevalidateAsync(Task<AuthenticationState> stateTask, CancellationToken cancellationToken)
    {
        AuthenticationState state;
        try
        {
            state = await stateTask;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return;
        }

        if (state.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            bool valid;
            try
            {
                await Task.Delay(interval, clock, cancellationToken);
                valid = await IsStillValidAsync(state, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Fail closed, as the framework's revalidating provider does: a circuit that cannot be checked stops.
                LogFailed(logger, e);
                valid = false;
            }

            if (!valid)
            {
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
                return;
            }
        }
    }

    internal async Task<bool> IsStillValidAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var actor = PortalActor.TryFrom(authenticationState.User);
        if (actor is null)
        {
            // Signed in without a usable membership: nothing to lose, unless the account itself was disabled.
            return authenticationState.User.Identity?.IsAuthenticated == true
                && await resolver.IsUsableAccountAsync(authenticationState.User.FindFirstValue(ClaimTypes.NameIdentifier), null, cancellationToken);
        }

        var current = await resolver.ResolveAsync(actor.UserId, null, actor.OrgUnitId, grantedRoles: null, cancellationToken);
        return current is not null && current.OrgUnitId == actor.OrgUnitId && current.Role == actor.Role;
    }

    public void Dispose()
    {
        AuthenticationStateChanged -= Restart;
        var current = Interlocked.Exchange(ref loop, null);
        current?.Cancel();
        current?.Dispose();
    }

    [LoggerMessage(LogLevel.Error, "Revalidating a circuit's membership failed; the circuit is signed out")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
