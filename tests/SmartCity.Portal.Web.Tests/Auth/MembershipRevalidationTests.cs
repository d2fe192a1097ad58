using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Auth;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Auth;

/// <summary>A long-lived circuit must lose access once its membership is revoked or its role changes.</summary>
public sealed class MembershipRevalidationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_revoked_membership_invalidates_the_circuit_and_a_kept_one_does_not()
    {
        var resolver = factory.Services.GetRequiredService<ActiveMembershipResolver>();
        var provider = new MembershipRevalidatingAuthenticationStateProvider(NullLoggerFactory.Instance, resolver);
        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "district-8102").Select(u => u.Id).SingleAsync());
        var membership = await resolver.ResolveAsync(userId, null, null, null);
        Assert.NotNull(membership);
        var state = new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), "test")));

        Assert.True(await provider.IsStillValidAsync(state, CancellationToken.None));

        await factory.QueryAsync(db => db.Memberships.Where(m => m.UserId == userId).ExecuteDeleteAsync());

        Assert.False(await provider.IsStillValidAsync(state, CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_role_invalidates_the_circuit()
    {
        var resolver = factory.Services.GetRequiredService<ActiveMembershipResolver>();
        var provider = new MembershipRevalidatingAuthenticationStateProvider(NullLoggerFactory.Instance, resolver);
        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "district-8103").Select(u => u.Id).SingleAsync());
        var membership = await resolver.ResolveAsync(userId, null, null, null);
        Assert.NotNull(membership);
        var state = new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership), "test")));

        await factory.QueryAsync(db => db.Memberships.Where(m => m.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, PortalRoles.ProvinceOfficer)));

        Assert.False(await provider.IsStillValidAsync(state, CancellationToken.None));
    }
}

/// <summary>An open page of a disabled account loses access within the revalidation interval (30 s), driven by a fake clock.</summary>
public sealed class CircuitRevocationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_disabled_account_turns_its_open_circuit_anonymous_at_the_next_check_and_not_before()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var resolver = new ActiveMembershipResolver(factory.Services.GetRequiredService<IDbContextFactory<Data.PortalDbContext>>(), clock);
        using var provider = new MembershipRevalidatingAuthenticationStateProvider(
            NullLoggerFactory.Instance, resolver, Microsoft.Extensions.Options.Options.Create(new AuthOptions()), clock);
        Assert.True(provider.Interval <= TimeSpan.FromSeconds(60));
        var userId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == "district-8107").Select(u => u.Id).SingleAsync());
        var membership = await resolver.ResolveAsync(userId, null, null, null);
        var signedOut = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity(ActiveMembershipResolver.ToClaims(membership!), "test")))));
        provider.AuthenticationStateChanged += async state => signedOut.TrySetResult(await state);

        // A check while the account is fine changes nothing.
        clock.Advance(provider.Interval);
        await Task.Delay(300);
        Assert.False(signedOut.Task.IsCompleted);

        await factory.QueryAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true)));
        clock.Advance(provider.Interval - TimeSpan.FromSeconds(1));
        await Task.Delay(300);
        Assert.False(signedOut.Task.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));
        var state = await signedOut.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(state.User.Identity?.IsAuthenticated);
    }
}
