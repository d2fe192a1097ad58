using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Security;

public sealed record DemoAccount(string UserName, string DisplayName, string Position, IReadOnlyList<(string OrgCode, string Role)> Memberships);

/// <summary>
/// One account per demo org unit, so that anyone can try every tier. Created only when demo
/// data is seeded and never in Production (see <see cref="Data.DatabaseInitializer"/>).
/// </summary>
public static class DemoAccounts
{
    public const string DefaultPassword = "Demo@2567";

    private static readonly string[] GivenNames =
        ["สมชาย", "สมศรี", "วิภาวดี", "ประเสริฐ", "กนกพร", "ธนากร", "อรุณี", "สุริยา", "พิมพ์ชนก", "ชัยวัฒน์", "นภาพร", "ณัฐวุฒิ", "จิราพร", "อนุชา", "รัตนา", "วีระพงษ์", "มาลี", "ศักดิ์ชัย", "ปราณี", "กิตติพงษ์"];

    private static readonly string[] FamilyNames =
        ["ใจดี", "รักษ์ถิ่น", "ทองคำ", "ศรีสุข", "มั่นคง", "บุญมา", "แก้วมณี", "สายทอง", "พูลผล", "ชูศรี"];

    public static IReadOnlyList<DemoAccount> All { get; } = Build();

    private static List<DemoAccount> Build()
    {
        var list = new List<DemoAccount>();
        var n = 0;
        string Person() { var name = $"{GivenNames[n % GivenNames.Length]} {FamilyNames[n % FamilyNames.Length]}"; n++; return name; }

        foreach (var m in DemoOrganisations.Municipalities)
        {
            list.Add(new($"muni-{m.Code}", Person(), "นักวิเคราะห์นโยบายและแผน", [(m.Code, PortalRoles.MunicipalitySubmitter)]));
        }

        foreach (var d in ReferenceData.Districts.Where(d => d.ProvinceCode == DemoOrganisations.ProvinceCode))
        {
            list.Add(new($"district-{d.Code}", Person(), "ท้องถิ่นอำเภอ", [(d.Code, PortalRoles.DistrictOfficer)]));
        }

        list.Add(new($"province-{DemoOrganisations.ProvinceCode}", Person(), "นักส่งเสริมการปกครองท้องถิ่น", [(DemoOrganisations.ProvinceCode, PortalRoles.ProvinceOfficer)]));
        list.Add(new("dla", Person(), "นักวิเคราะห์นโยบายและแผนชำนาญการ", [(OrgTreeSeeder.DivisionCode, PortalRoles.DlaOfficer)]));
        list.Add(new("admin", Person(), "ผู้ดูแลระบบ", [(OrgTreeSeeder.DepartmentCode, PortalRoles.PortalAdmin)]));

        // Someone who serves two offices: shows the office switcher.
        list.Add(new($"multi-{DemoOrganisations.ProvinceCode}", Person(), "นักส่งเสริมการปกครองท้องถิ่น",
            [("8101", PortalRoles.DistrictOfficer), (DemoOrganisations.ProvinceCode, PortalRoles.ProvinceOfficer)]));
        return list;
    }

    public static async Task SeedAsync(PortalDbContext db, UserManager<PortalUser> users, string password, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var codes = All.SelectMany(a => a.Memberships.Select(m => m.OrgCode)).Distinct().ToList();
        var orgIds = await db.OrgUnits.Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.Ordinal, cancellationToken);

        foreach (var account in All)
        {
            var user = await users.FindByNameAsync(account.UserName);
            if (user is null)
            {
                user = new PortalUser
                {
                    UserName = account.UserName,
                    DisplayName = account.DisplayName,
                    Position = account.Position,
                    Email = $"{account.UserName}@demo.invalid",
                    EmailConfirmed = true,
                    LockoutEnabled = true,
                    IsDemo = true,
                };
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Demo account {account.UserName} could not be created: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                }
            }

            foreach (var (orgCode, role) in account.Memberships)
            {
                var orgUnitId = orgIds[orgCode];
                if (!await db.Memberships.AnyAsync(m => m.UserId == user.Id && m.OrgUnitId == orgUnitId, cancellationToken))
                {
                    db.Memberships.Add(new Membership { UserId = user.Id, OrgUnitId = orgUnitId, Role = role, CreatedUtc = clock.GetUtcNow().UtcDateTime });
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
