using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Organisations;

public sealed class DemoSeedingTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private async Task<List<OrgUnit>> UnitsAsync()
    {
        await using var db = database.CreateContext();
        return await db.OrgUnits.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Krabi_town_municipality_sits_directly_under_the_province_office()
    {
        var units = await UnitsAsync();
        var province = units.Single(u => u.Kind == OrgUnitKind.ProvinceOffice && u.Code == "81");

        var town = Assert.Single(units, u => u.NameTh == "เทศบาลเมืองกระบี่");
        Assert.Equal(OrgUnitKind.Municipality, town.Kind);
        Assert.Equal(MunicipalityClass.Town, town.Class);
        Assert.Equal(province.Id, town.ParentId);
        Assert.Equal($"{province.Path}{town.Code}/", town.Path);
        Assert.Equal("81", town.ProvinceCode);
        Assert.Equal("8101", town.DistrictCode);
        Assert.True(town.IsDemo);
    }

    [Fact]
    public async Task Subdistrict_municipalities_sit_under_their_district_office()
    {
        var units = await UnitsAsync();
        var byId = units.ToDictionary(u => u.Id);

        var subdistricts = units.Where(u => u.Kind == OrgUnitKind.Municipality && u.Class == MunicipalityClass.Subdistrict).ToList();
        Assert.True(subdistricts.Count >= 6, $"Only {subdistricts.Count} subdistrict municipalities.");
        Assert.True(subdistricts.Select(s => s.DistrictCode).Distinct(StringComparer.Ordinal).Count() >= 3);
        Assert.All(subdistricts, s =>
        {
            Assert.NotNull(s.ParentId);
            var parent = byId[s.ParentId.Value];
            Assert.Equal(OrgUnitKind.DistrictOffice, parent.Kind);
            Assert.Equal(s.DistrictCode, parent.Code);
            Assert.Equal("81", parent.ProvinceCode);
            Assert.Equal($"{parent.Path}{s.Code}/", s.Path);
            Assert.True(s.IsDemo);
        });
    }

    [Fact]
    public async Task Every_municipality_is_demo_data_in_Krabi_and_only_municipalities_are()
    {
        var units = await UnitsAsync();

        var municipalities = units.Where(u => u.Kind == OrgUnitKind.Municipality).ToList();
        Assert.Equal(DemoOrganisations.Municipalities.Count, municipalities.Count);
        Assert.All(municipalities, m =>
        {
            Assert.True(m.IsDemo);
            Assert.Equal("81", m.ProvinceCode);
            Assert.StartsWith("/DLA/DLA-LAD/81/", m.Path, StringComparison.Ordinal);
            Assert.StartsWith("เทศบาล", m.NameTh, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(units, u => u.Kind != OrgUnitKind.Municipality && u.IsDemo);
    }

    [Theory]
    [InlineData("muni-810101", "810101", PortalRoles.MunicipalitySubmitter)]
    [InlineData("district-8101", "8101", PortalRoles.DistrictOfficer)]
    [InlineData("province-81", "81", PortalRoles.ProvinceOfficer)]
    [InlineData("dla", "DLA-LAD", PortalRoles.DlaOfficer)]
    [InlineData("admin", "DLA", PortalRoles.PortalAdmin)]
    public async Task Demo_account_has_one_membership_in_its_role_and_office(string userName, string orgCode, string role)
    {
        await using var db = database.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName);
        var memberships = await db.Memberships.AsNoTracking().Include(m => m.OrgUnit).Where(m => m.UserId == user.Id).ToListAsync();

        var membership = Assert.Single(memberships);
        Assert.Equal(role, membership.Role);
        Assert.Equal(orgCode, membership.OrgUnit!.Code);
        Assert.Equal(DemoDatabase.SeededAt.UtcDateTime, membership.CreatedUtc);
        Assert.True(user.IsDemo);
        Assert.False(string.IsNullOrWhiteSpace(user.DisplayName));
    }

    [Fact]
    public async Task Multi_office_demo_account_has_two_memberships()
    {
        await using var db = database.CreateContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "multi-81");

        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .OrderBy(m => m.OrgUnit!.Path)
            .Select(m => new { m.OrgUnit!.Code, m.Role })
            .ToListAsync();
        Assert.Equal(2, memberships.Count);
        Assert.Equal(("81", PortalRoles.ProvinceOfficer), (memberships[0].Code, memberships[0].Role));
        Assert.Equal(("8101", PortalRoles.DistrictOfficer), (memberships[1].Code, memberships[1].Role));
    }

    [Fact]
    public async Task Every_demo_membership_fits_the_kind_of_its_office()
    {
        await using var db = database.CreateContext();
        var memberships = await db.Memberships.AsNoTracking().Select(m => new { m.Role, m.OrgUnit!.Kind, m.OrgUnit.Code }).ToListAsync();

        Assert.Equal(DemoAccounts.All.Sum(a => a.Memberships.Count), memberships.Count);
        Assert.All(memberships, m => Assert.True(PortalRoles.FitsOrgUnit(m.Role, m.Kind), $"{m.Role} at {m.Code} ({m.Kind})"));
    }

    [Theory]
    [InlineData("district-8101")]
    [InlineData("multi-81")]
    public async Task Demo_password_signs_in_and_a_wrong_one_does_not(string userName)
    {
        await using var scope = database.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByNameAsync(userName);

        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, DemoAccounts.DefaultPassword));
        Assert.False(await users.CheckPasswordAsync(user, "Demo@2568"));
    }

    [Fact]
    public async Task Seeding_demo_data_again_creates_no_duplicates()
    {
        async Task<(int Units, int Users, int Memberships)> CountAsync()
        {
            await using var db = database.CreateContext();
            return (await db.OrgUnits.CountAsync(), await db.Users.CountAsync(), await db.Memberships.CountAsync());
        }

        var before = await CountAsync();
        Assert.Equal(DemoAccounts.All.Count, before.Users);

        await database.SeedDemoAsync();
        await using (var db = database.CreateContext())
        {
            var again = await DemoOrganisations.SeedAsync(db);
            Assert.Equal(DemoOrganisations.Municipalities.Select(m => m.Code), again.Select(u => u.Code));
            Assert.All(again, u => Assert.NotEqual(0, u.Id));
        }

        Assert.Equal(before, await CountAsync());
    }
}
