using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Security;

public sealed class ActiveMembershipResolverTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private ActiveMembershipResolver Resolver => new(database.Factory);

    [Fact]
    public async Task Resolves_the_only_membership_of_a_local_user()
    {
        var userId = await database.UserIdAsync("district-8101");

        var active = await Resolver.ResolveAsync(userId, null, null, null);

        Assert.NotNull(active);
        Assert.Equal(userId, active.UserId);
        Assert.Equal("district-8101", active.UserName);
        Assert.Equal(PortalRoles.DistrictOfficer, active.Role);
        Assert.Equal(await database.OrgUnitIdAsync("8101"), active.OrgUnitId);
        Assert.Equal("/DLA/DLA-LAD/81/8101/", active.OrgUnitPath);
        Assert.Equal(1, active.MembershipCount);
    }

    [Fact]
    public async Task Uses_the_preferred_office_when_the_user_is_a_member_of_it()
    {
        var userId = await database.UserIdAsync("multi-81");

        var active = await Resolver.ResolveAsync(userId, null, await database.OrgUnitIdAsync("8101"), null);

        Assert.NotNull(active);
        Assert.Equal(await database.OrgUnitIdAsync("8101"), active.OrgUnitId);
        Assert.Equal(PortalRoles.DistrictOfficer, active.Role);
        Assert.Equal(2, active.MembershipCount);
    }

    [Fact]
    public async Task Without_a_preference_uses_the_first_membership_by_path()
    {
        var userId = await database.UserIdAsync("multi-81");

        var active = await Resolver.ResolveAsync(userId, null, null, null);

        Assert.NotNull(active);
        Assert.Equal("/DLA/DLA-LAD/81/", active.OrgUnitPath);
        Assert.Equal(PortalRoles.ProvinceOfficer, active.Role);
    }

    [Theory]
    [InlineData("multi-81", "8102", "81")]
    [InlineData("multi-81", "DLA-LAD", "81")]
    [InlineData("district-8101", "81", "8101")]
    [InlineData("muni-810116", "8101", "810116")]
    public async Task Ignores_a_preferred_office_the_user_is_not_a_member_of(string userName, string forgedCode, string expectedCode)
    {
        var userId = await database.UserIdAsync(userName);

        var active = await Resolver.ResolveAsync(userId, null, await database.OrgUnitIdAsync(forgedCode), null);

        Assert.NotNull(active);
        Assert.Equal(await database.OrgUnitIdAsync(expectedCode), active.OrgUnitId);
        Assert.NotEqual(await database.OrgUnitIdAsync(forgedCode), active.OrgUnitId);
    }

    [Fact]
    public async Task Ignores_a_preferred_id_that_does_not_exist()
    {
        var active = await Resolver.ResolveAsync(await database.UserIdAsync("province-81"), null, int.MaxValue, null);

        Assert.NotNull(active);
        Assert.Equal(await database.OrgUnitIdAsync("81"), active.OrgUnitId);
    }

    [Fact]
    public async Task Entra_mode_skips_a_membership_whose_role_the_token_does_not_grant()
    {
        var userId = await database.UserIdAsync("multi-81");

        // The preferred office is the province, but the token grants only the district role.
        var active = await Resolver.ResolveAsync(userId, null, await database.OrgUnitIdAsync("81"), [PortalRoles.DistrictOfficer]);

        Assert.NotNull(active);
        Assert.Equal(await database.OrgUnitIdAsync("8101"), active.OrgUnitId);
        Assert.Equal(PortalRoles.DistrictOfficer, active.Role);
        Assert.Equal(1, active.MembershipCount);
    }

    [Fact]
    public async Task Entra_mode_returns_null_when_no_membership_role_is_granted()
    {
        var multi = await database.UserIdAsync("multi-81");
        var district = await database.UserIdAsync("district-8101");

        Assert.Null(await Resolver.ResolveAsync(multi, null, null, [PortalRoles.MunicipalitySubmitter, PortalRoles.PortalAdmin]));
        Assert.Null(await Resolver.ResolveAsync(district, null, null, []));
    }

    [Fact]
    public async Task Entra_mode_finds_the_user_by_object_id()
    {
        var objectId = Guid.NewGuid().ToString();
        var user = new PortalUser { UserName = $"entra-{objectId}", DisplayName = "ผู้ใช้ Entra", ExternalObjectId = objectId };
        await using (var db = database.CreateContext())
        {
            db.Users.Add(user);
            db.Memberships.Add(new Membership { UserId = user.Id, OrgUnitId = await database.OrgUnitIdAsync("80"), Role = PortalRoles.ProvinceOfficer });
            await db.SaveChangesAsync();
        }

        var active = await Resolver.ResolveAsync(null, objectId, null, [PortalRoles.ProvinceOfficer]);

        Assert.NotNull(active);
        Assert.Equal(user.Id, active.UserId);
        Assert.Equal("/DLA/DLA-LAD/80/", active.OrgUnitPath);
        Assert.Null(await Resolver.ResolveAsync(null, objectId, null, [PortalRoles.DistrictOfficer]));
    }

    [Fact]
    public async Task Returns_null_for_an_unknown_user_or_one_without_memberships()
    {
        Assert.Null(await Resolver.ResolveAsync("no-such-user", null, null, null));
        Assert.Null(await Resolver.ResolveAsync(null, Guid.NewGuid().ToString(), null, [PortalRoles.DlaOfficer]));
        Assert.Null(await Resolver.ResolveAsync(null, null, null, null));

        var user = new PortalUser { UserName = $"nobody-{Guid.NewGuid():N}", DisplayName = "ไม่มีสังกัด" };
        await using (var db = database.CreateContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync();
        }

        Assert.Null(await Resolver.ResolveAsync(user.Id, null, null, null));
    }

    [Fact]
    public async Task Claims_round_trip_to_the_same_actor()
    {
        var active = await Resolver.ResolveAsync(await database.UserIdAsync("province-81"), null, null, null);
        Assert.NotNull(active);

        var actor = PortalActor.From(new System.Security.Claims.ClaimsPrincipal(
            new System.Security.Claims.ClaimsIdentity(ActiveMembershipResolver.ToClaims(active), "test")));

        Assert.Equal(active.UserId, actor.UserId);
        Assert.Equal(active.OrgUnitId, actor.OrgUnitId);
        Assert.Equal(active.OrgUnitPath, actor.OrgUnitPath);
        Assert.Equal(Tier.Province, actor.Tier);
    }
}
