using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Campaigns;

/// <summary>
/// The 2567 round as DLA's letter มท ๐๘๑๐.๒/ว ๓๐๙๕ (15 Jul 2567) ran it, moved into the future so
/// that the demo works: municipalities submit by 16:30 on the deadline day, Krabi's office wants
/// them a day earlier (its letter กบ ๐๐๒๓.๓/ว ๔๑๔๖), and the provinces forward to DLA by the
/// deadline day itself.
/// </summary>
public static class DemoCampaign
{
    public const int FiscalYear = 2567;
    public const string LetterNo = "มท ๐๘๑๐.๒/ว ๓๐๙๕";

    public static async Task<Campaign> SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var existing = await db.Campaigns.SingleOrDefaultAsync(c => c.FiscalYear == FiscalYear && c.LetterNo == LetterNo, cancellationToken);
        if (existing is not null)
        {
            // Databases seeded before campaigns had forms get version 1 now; a database that has it keeps it.
            await SeedFormAsync(db, existing, clock, cancellationToken);
            return existing;
        }

        var todayBangkok = ThaiTime.ToBangkok(clock.GetUtcNow().UtcDateTime).Date;
        var deadlineDay = todayBangkok.AddDays(60);
        var campaign = new Campaign
        {
            FiscalYear = FiscalYear,
            Title = "การคัดเลือกองค์กรปกครองส่วนท้องถิ่นที่มีการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะที่มีความโดดเด่น ประจำปี พ.ศ. 2567 (ข้อมูลสาธิต)",
            LetterNo = LetterNo,
            LetterDateUtc = ThaiTime.FromBangkok(new DateTime(2024, 7, 15, 0, 0, 0, DateTimeKind.Unspecified)),
            State = CampaignState.Open,
            PaperCopyRequired = true,
            SubmissionDeadlineUtc = ThaiTime.FromBangkok(deadlineDay.AddHours(16.5)),
            DlaDeadlineUtc = ThaiTime.FromBangkok(deadlineDay.AddHours(16.5)),
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);

        var krabi = await db.OrgUnits.SingleAsync(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Code == DemoOrganisations.ProvinceCode, cancellationToken);
        db.TierDeadlines.Add(new TierDeadline { CampaignId = campaign.Id, OrgUnitId = krabi.Id, DeadlineUtc = ThaiTime.FromBangkok(deadlineDay.AddDays(-1).AddHours(16.5)) });
        await db.SaveChangesAsync(cancellationToken);
        await SeedFormAsync(db, campaign, clock, cancellationToken);
        return campaign;
    }

    /// <summary>Publishes the default template as version 1 unless the campaign already has any version.</summary>
    private static async Task SeedFormAsync(PortalDbContext db, Campaign campaign, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.FormDefinitionVersions.AnyAsync(f => f.CampaignId == campaign.Id, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.FormDefinitionVersions.Add(new FormDefinitionVersion
        {
            CampaignId = campaign.Id,
            Version = 1,
            Json = FormJson.Serialize(DefaultSmartCityForm.Create()),
            PublishedUtc = now,
            CreatedUtc = now,
            CreatedByUserName = "seed",
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
