using System.Security.Claims;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Routing;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Core.Tests.Submissions;

/// <summary>Campaigns with chosen deadlines, principals of demo users, and the service on a fake clock.</summary>
internal static class WorkflowTestKit
{
    /// <summary>16:30 ICT on 16 Aug 2024 (2567 BE), the deadline day of the real 2567 round.</summary>
    public static readonly DateTime Deadline = Utc(2024, 8, 16, 9, 30);

    /// <summary>The provinces' deadline for forwarding to DLA: two weeks later.</summary>
    public static readonly DateTime DlaDeadline = Utc(2024, 8, 30, 9, 30);

    /// <summary>Well before every deadline.</summary>
    public static readonly DateTime Early = Utc(2024, 8, 1, 2, 0);

    public const string Answers = """{"q1":"มีแผนพัฒนาเมืองอัจฉริยะ","q2":3}""";

    public const string ForeignMunicipalityCode = "T800101";
    public const string ForeignMunicipalityUser = "muni-test-80";
    public const string ForeignProvinceUser = "province-test-80";

    public static DateTime Utc(int year, int month, int day, int hour, int minute, int second = 0, int millisecond = 0) =>
        new(year, month, day, hour, minute, second, millisecond, DateTimeKind.Utc);

    public static FakeTimeProvider ClockAt(DateTime utc) => new(new DateTimeOffset(utc, TimeSpan.Zero));

    public static SubmissionService Service(SqliteTestDatabase database, TimeProvider clock) =>
        new(database.Factory, clock, new SubmissionChangeNotifier());

    public static async Task<int> AddCampaignAsync(
        SqliteTestDatabase database,
        DateTime? deadlineUtc = null,
        DateTime? dlaDeadlineUtc = null,
        bool paperCopyRequired = true,
        RoutingRule? routing = null,
        CampaignState state = CampaignState.Open,
        params (string OrgCode, DateTime DeadlineUtc)[] tierDeadlines)
    {
        await using var db = database.CreateContext();
        var campaign = new Campaign
        {
            FiscalYear = 2567,
            Title = "การคัดเลือกทดสอบ " + Guid.NewGuid().ToString("N")[..8],
            LetterNo = "มท ๐๘๑๐.๒/ว ทดสอบ",
            LetterDateUtc = Utc(2024, 7, 14, 17, 0),
            State = state,
            PaperCopyRequired = paperCopyRequired,
            Routing = routing ?? RoutingRule.Default,
            SubmissionDeadlineUtc = deadlineUtc ?? Deadline,
            DlaDeadlineUtc = dlaDeadlineUtc ?? DlaDeadline,
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        foreach (var (code, deadline) in tierDeadlines)
        {
            var orgId = await db.OrgUnits.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
            db.TierDeadlines.Add(new TierDeadline { CampaignId = campaign.Id, OrgUnitId = orgId, DeadlineUtc = deadline });
        }

        await db.SaveChangesAsync();
        return campaign.Id;
    }

    /// <summary>Creates the municipality's draft and fills it in; returns the draft as its owner reads it.</summary>
    public static async Task<SubmissionDetail> FilledDraftAsync(SubmissionService service, ClaimsPrincipal municipality, int campaignId)
    {
        var draft = await service.CreateOrGetAsync(municipality, campaignId);
        await service.SaveAnswersAsync(municipality, draft.Id, draft.ConcurrencyToken, Answers);
        return await service.GetAsync(municipality, draft.Id);
    }

    public static async Task<ActionResult> ActAsync(
        SubmissionService service, ClaimsPrincipal user, int submissionId, WorkflowAction action, string? comment = null, DateTime? extendedDeadlineUtc = null)
    {
        var current = await service.GetAsync(user, submissionId);
        return await service.ActAsync(user, submissionId, new ActionRequest(action, current.ConcurrencyToken, comment, extendedDeadlineUtc));
    }

    /// <summary>
    /// Reports written straight into the database, already submitted and held by an office: for
    /// each of <paramref name="campaigns"/> new campaigns, one per municipality (a municipality has
    /// one report per campaign). Returns their ids in the order written.
    /// </summary>
    public static async Task<List<int>> HeldSubmissionsAsync(
        SqliteTestDatabase database, string holderCode, SubmissionState state, int campaigns, params string[] municipalityCodes)
    {
        await using var db = database.CreateContext();
        var holder = await db.OrgUnits.SingleAsync(o => o.Code == holderCode && o.Kind != OrgUnitKind.Municipality);
        var municipalities = await db.OrgUnits.Where(o => municipalityCodes.Contains(o.Code)).ToListAsync();
        var submissions = new List<Submission>();
        for (var i = 0; i < campaigns; i++)
        {
            var campaignId = await AddCampaignAsync(database);
            submissions.AddRange(municipalities.Select(m => new Submission
            {
                CampaignId = campaignId,
                MunicipalityId = m.Id,
                State = state,
                HolderOrgUnitId = holder.Id,
                ReferenceNo = $"SC2567-{m.ProvinceCode}-{submissions.Count + 1:0000}",
                AnswersJson = Answers,
                CreatedUtc = Early,
                UpdatedUtc = Early,
                SubmittedUtc = Early,
            }));
        }

        db.Submissions.AddRange(submissions);
        await db.SaveChangesAsync();
        return submissions.Select(s => s.Id).ToList();
    }

    /// <summary>
    /// A municipality under district 8001 of Nakhon Si Thammarat (80) with its own submitter, and an
    /// officer of province office 80: people outside Krabi. Idempotent.
    /// </summary>
    public static async Task AddForeignProvinceAsync(DemoDatabase database)
    {
        await using var db = database.CreateContext();
        if (await db.OrgUnits.AnyAsync(o => o.Code == ForeignMunicipalityCode))
        {
            return;
        }

        var district = await db.OrgUnits.SingleAsync(o => o.Kind == OrgUnitKind.DistrictOffice && o.Code == "8001");
        var province = await db.OrgUnits.SingleAsync(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Code == "80");
        var municipality = new OrgUnit
        {
            Code = ForeignMunicipalityCode,
            NameTh = "เทศบาลตำบลทดสอบ",
            Kind = OrgUnitKind.Municipality,
            Class = MunicipalityClass.Subdistrict,
            ParentId = district.Id,
            Path = OrgUnit.ChildPath(district.Path, ForeignMunicipalityCode),
            ProvinceCode = "80",
            DistrictCode = "8001",
            IsDemo = true,
        };
        db.OrgUnits.Add(municipality);
        var muniUser = NewUser(ForeignMunicipalityUser);
        var provinceUser = NewUser(ForeignProvinceUser);
        db.Users.AddRange(muniUser, provinceUser);
        await db.SaveChangesAsync();
        db.Memberships.AddRange(
            new Membership { UserId = muniUser.Id, OrgUnitId = municipality.Id, Role = PortalRoles.MunicipalitySubmitter },
            new Membership { UserId = provinceUser.Id, OrgUnitId = province.Id, Role = PortalRoles.ProvinceOfficer });
        await db.SaveChangesAsync();
    }

    /// <summary>A column of a row exactly as SQLite stores it (bypassing EF's conversions).</summary>
    public static async Task<string?> RawTextAsync(SqliteTestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection(database.DatabaseOptions.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync()) as string;
    }

    /// <summary>Another context factory on the same file, whose every SaveChanges goes through <paramref name="gate"/>.</summary>
    public static IDbContextFactory<PortalDbContext> GatedFactory(SqliteTestDatabase database, SaveGate gate)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        DataServiceCollectionExtensions.Configure(builder, database.DatabaseOptions, database.DataDirectory);
        builder.AddInterceptors(gate);
        return new OptionsFactory(builder.Options);
    }

    private static PortalUser NewUser(string userName) => new()
    {
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        DisplayName = "ผู้ใช้ทดสอบ " + userName,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        IsDemo = true,
    };
}

/// <summary>A demo database of one's own, for tests that count everything in it (the sweep, the audit trail).</summary>
internal sealed class IsolatedDemoDatabase : IAsyncDisposable
{
    private IsolatedDemoDatabase(DemoDatabase database) => Database = database;

    public DemoDatabase Database { get; }

    public static async Task<IsolatedDemoDatabase> CreateAsync()
    {
        var database = new DemoDatabase();
        await database.InitializeAsync();
        return new IsolatedDemoDatabase(database);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

internal sealed class OptionsFactory(DbContextOptions<PortalDbContext> options) : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() => new(options);
}

/// <summary>
/// While armed, a barrier for SaveChanges: each save waits until <c>participants</c> saves have
/// arrived, then that group goes on together and the next group starts. Two services sharing it
/// therefore both read and decide before either writes, every time.
/// </summary>
internal sealed class SaveGate(int participants) : SaveChangesInterceptor
{
    private readonly Lock sync = new();
    private TaskCompletionSource? open;
    private int arrived;

    public void Arm()
    {
        lock (sync)
        {
            arrived = 0;
            open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Disarm()
    {
        lock (sync)
        {
            open?.TrySetResult();
            open = null;
        }
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Task wait;
        lock (sync)
        {
            if (open is null)
            {
                return result;
            }

            wait = open.Task;
            if (++arrived >= participants)
            {
                open.TrySetResult();
                arrived = 0;
                open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        await wait.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        return result;
    }
}
