using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Auth;

namespace SmartCity.Portal.Web.Tests.Auth;

/// <summary>Static files never act for an office, so they must not cost a membership query each.</summary>
public sealed class ClaimsTransformationTests
{
    [Fact]
    public async Task Static_asset_requests_skip_the_membership_lookup()
    {
        var (transformation, context) = Build();
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(new NoMembershipNeeded()), "static asset"));
        var principal = SignedIn();

        var result = await transformation.TransformAsync(principal);

        Assert.Same(principal, result);
    }

    [Fact]
    public async Task Other_requests_look_the_membership_up()
    {
        var (transformation, context) = Build();
        context.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(), "page"));

        await Assert.ThrowsAsync<DatabaseTouched>(() => transformation.TransformAsync(SignedIn()));
    }

    private static (PortalClaimsTransformation Transformation, DefaultHttpContext Context) Build()
    {
        var context = new DefaultHttpContext();
        var transformation = new PortalClaimsTransformation(
            new ActiveMembershipResolver(new ThrowingFactory()),
            new HttpContextAccessor { HttpContext = context },
            Options.Create(new AuthOptions()));
        return (transformation, context);
    }

    private static ClaimsPrincipal SignedIn() =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-1"), new Claim(ClaimTypes.Name, "district-8101")], "Identity.Application"));

    private sealed class DatabaseTouched : Exception;

    private sealed class ThrowingFactory : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new DatabaseTouched();

        public Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => throw new DatabaseTouched();
    }
}
