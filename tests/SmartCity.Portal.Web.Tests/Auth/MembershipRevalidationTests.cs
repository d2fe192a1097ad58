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
