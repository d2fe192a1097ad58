using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using Xunit.Abstractions;

namespace SmartCity.Portal.Core.Tests.Organisations;

/// <summary>A real SQLite file seeded as the app seeds it (org tree, demo, demo campaign) plus the national set.</summary>
public sealed class NationalDatabase : SqliteTestDatabase
{
    public static readonly DateTimeOffset SeededAt = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(SeededAt);

    public SyntheticNationalSummary First { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SeedBaseAsync(Factory, Clock);
        First = await SyntheticNationalData.SeedAsync(Factory, Clock);
    }

    /// <summary>What <c>DatabaseInitializer</c> seeds before the national set (accounts aside: nothing here signs in).</summary>
    public static async Task SeedBaseAsync(IDbContextFactory<Portal.Data.PortalDbContext> factory, TimeProvider clock)
    {
        await using var db = await factory.CreateDbContextAsync();
        await OrgTreeSeeder.SeedAsync(db);
        await DemoOrganisations.SeedAsync(db);
        await DemoCampaign.SeedAsync(db, clock);
    }
}

public sealed class SyntheticNationalDataTests(NationalDatabase database, ITestOutputHelper output) : IClassFixture<NationalDatabase>
{
    [Fact]
    public async Task Municipalities_come_in_the_real_mix_of_classes_all_marked_synthetic()
    {
        await using var db = database.CreateContext();
        var synthetic = await db.OrgUnits.AsNoTracking().Where(o => o.IsSynthetic).ToListAsync();
        output.WriteLine(database.First.ToString());

        Assert.Equal(database.First.Municipalities, synthetic.Count);
        Assert.InRange(synthetic.Count, 2_400, 2_550);
        Assert.All(synthetic, o => Assert.Equal(OrgUnitKind.Municipality, o.Kind));
        Assert.InRange(synthetic.Count(o => o.Class == MunicipalityClass.City), 25, 35);
        Assert.InRange(synthetic.Count(o => o.Class == MunicipalityClass.Town), 180, 220);
        Assert.InRange(synthetic.Count(o => o.Class == MunicipalityClass.Subdistrict), 2_150, 2_330);
        Assert.All(synthetic, o =>
        {
            Assert.StartsWith(SyntheticNationalData.CodePrefix, o.Code, StringComparison.Ordinal);
            Assert.Contains("สังเคราะห์", o.NameTh, StringComparison.Ordinal);
            Assert.Contains("Synthetic", o.NameEn, StringComparison.Ordinal);
            Assert.False(o.IsDemo);
        });
        // Real and demo rows stay as they were: the demo municipalities are not synthetic.
        Assert.Equal(DemoOrganisations.Municipalities.Count, await db.OrgUnits.CountAsync(o => o.Kind == OrgUnitKind.Municipality && !o.IsSynthetic));
    }

    [Fact]
    public async Task Every_province_has_municipalities_placed_as_the_routing_expects()
    {
        await using var db = database.CreateContext();
        var offices = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.ProvinceOffice || o.Kind == OrgUnitKind.DistrictOffice).ToDictionaryAsync(o => o.Id);
        var synthetic = await db.OrgUnits.AsNoTracking().Where(o => o.IsSynthetic).ToListAsync();

        Assert.Equal(76, ReferenceData.Provinces.Count);
        Assert.Equal(ReferenceData.Provinces.Select(p => p.Code).Order(), synthetic.Select(o => o.ProvinceCode!).Distinct().Order());
        Assert.All(synthetic, o =>
        {
            var parent = offices[o.ParentId!.Value];
            Assert.Equal(o.Class == MunicipalityClass.Subdistrict ? OrgUnitKind.DistrictOffice : OrgUnitKind.ProvinceOffice, parent.Kind);
            Assert.Equal(o.ProvinceCode, parent.ProvinceCode);
            Assert.Equal(OrgUnit.ChildPath(parent.Path, o.Code), o.Path);
            Assert.StartsWith(o.ProvinceCode!, o.DistrictCode!, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Submissions_cover_every_state_with_holders_and_records_that_fit()
    {
        await using var db = database.CreateContext();
        var divisionId = await db.OrgUnits.Where(o => o.Code == OrgTreeSeeder.DivisionCode).Select(o => o.Id).SingleAsync();
        var offices = await db.OrgUnits.AsNoTracking().Where(o => !o.IsSynthetic).ToDictionaryAsync(o => o.Id);
        var rows = await db.Submissions.AsNoTracking().Include(s => s.Municipality).Where(s => s.Municipality!.IsSynthetic).ToListAsync();
        var events = (await db.WorkflowEvents.AsNoTracking().Where(e => rows.Select(r => r.Id).Contains(e.SubmissionId)).ToListAsync())
            .ToLookup(e => e.SubmissionId);
        var paperCopies = await db.RegisterEntries.AsNoTracking().Where(e => e.SubmissionId != null).ToDictionaryAsync(e => e.SubmissionId!.Value);

        Assert.Equal(database.First.Submissions, rows.Count);
        Assert.InRange(rows.Count, (int)(database.First.Municipalities * 0.85), (int)(database.First.Municipalities * 0.95));
        Assert.Equal(Enum.GetValues<SubmissionState>().Order(), rows.Select(s => s.State).Distinct().Order());
        Assert.All(rows, s =>
        {
            var m = s.Municipality!;
            var expectedHolder = s.State switch
            {
                SubmissionState.AtDistrict => offices.Values.Single(o => o.Kind == OrgUnitKind.DistrictOffice && o.Code == m.DistrictCode).Id,
                SubmissionState.AtProvince => offices.Values.Single(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Code == m.ProvinceCode).Id,
                SubmissionState.AtDla or SubmissionState.Accepted => divisionId,
                _ => m.Id,
            };
            Assert.Equal(expectedHolder, s.HolderOrgUnitId);

            var history = events[s.Id].OrderBy(e => e.Sequence).ToList();
            Assert.Equal(s.EventCount, history.Count);
            Assert.Equal(s.State.ToString(), history[^1].ToState);
            Assert.Equal(SubmissionState.Draft.ToString(), history[0].FromState);
            for (var i = 1; i < history.Count; i++)
            {
                Assert.Equal(history[i - 1].ToState, history[i].FromState);
                Assert.True(history[i].OccurredUtc > history[i - 1].OccurredUtc);
            }

            // The default routing: นคร and เมือง never pass a district office.
            if (m.Class != MunicipalityClass.Subdistrict)
            {
                Assert.DoesNotContain(history, e => e.ToState == nameof(SubmissionState.AtDistrict));
            }

            var submitted = history.Any(e => e.Action == "submit");
            Assert.Equal(submitted, s.ReferenceNo is not null);
            Assert.Equal(submitted, s.SubmittedUtc is not null);
            if (s.ReferenceNo is not null)
            {
                Assert.Equal($"SC2567-{m.ProvinceCode}-{s.Id:0000}", s.ReferenceNo);
            }

            var reachedDla = history.Any(e => e.ToState == nameof(SubmissionState.AtDla));
            if (reachedDla)
            {
                Assert.NotNull(s.PaperCopyReceivedUtc);
            }

            Assert.Equal(s.PaperCopyReceivedUtc is not null, paperCopies.ContainsKey(s.Id));
            if (paperCopies.TryGetValue(s.Id, out var entry))
            {
                Assert.Equal(RegisterKind.Receive, entry.Kind);
                Assert.Equal(offices.Values.Single(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Code == m.ProvinceCode).Id, entry.OrgUnitId);
                Assert.Contains(history, e => e.Action == "paper-copy" && e.Comment == $"เลขรับ {entry.DisplayNumber}");
            }

            if (s.State == SubmissionState.Returned)
            {
                Assert.NotNull(s.ReturnedByOrgUnitId);
            }
        });
    }

    [Fact]
    public async Task The_whole_trail_verifies_and_nothing_lies_in_the_future()
    {
        var dla = Principal(PortalRoles.DlaOfficer, OrgTreeSeeder.DivisionPath);
        var verification = await new AuditService(database.Factory).VerifyAsync(dla);

        Assert.True(verification.Ok, $"First broken event: {verification.FirstBrokenId}");
        Assert.True(verification.Events >= database.First.Events);
        await using var db = database.CreateContext();
        var now = database.Clock.GetUtcNow().UtcDateTime;
        Assert.False(await db.WorkflowEvents.AnyAsync(e => e.OccurredUtc > now));
        Assert.False(await db.RegisterEntries.AnyAsync(e => e.RecordedUtc > now));
        Assert.True(await db.WorkflowEvents.MinAsync(e => e.OccurredUtc) >= now.AddDays(-366));
    }

    [Fact]
    public async Task Register_numbers_run_without_gaps_or_duplicates_and_counters_agree()
    {
        await using var db = database.CreateContext();
        var entries = await db.RegisterEntries.AsNoTracking().ToListAsync();
        var counters = await db.RegisterCounters.AsNoTracking().ToListAsync();

        Assert.Equal(database.First.RegisterEntries, entries.Count(e => e.RecordedByUserName == SyntheticNationalData.SyntheticUserName));
        foreach (var register in entries.GroupBy(e => (e.OrgUnitId, e.Kind, e.Year)))
        {
            var numbers = register.Select(e => e.Number).Order().ToList();
            Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
            Assert.Equal(numbers.Count, counters.Single(c => c.OrgUnitId == register.Key.OrgUnitId && c.Kind == register.Key.Kind && c.Year == register.Key.Year).LastNumber);
        }
    }

    [Fact]
    public async Task Dispatches_carry_the_reports_sent_to_DLA_some_received_some_outstanding()
    {
        await using var db = database.CreateContext();
        var divisionId = await db.OrgUnits.Where(o => o.Code == OrgTreeSeeder.DivisionCode).Select(o => o.Id).SingleAsync();
        var dispatches = await db.Dispatches.AsNoTracking().Include(d => d.Items).ToListAsync();
        var entries = await db.RegisterEntries.AsNoTracking().ToDictionaryAsync(e => e.Id);
        var submissions = await db.Submissions.AsNoTracking().Include(s => s.Municipality).Where(s => s.Municipality!.IsSynthetic).ToDictionaryAsync(s => s.Id);
        var provinces = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgUnitKind.ProvinceOffice).ToDictionaryAsync(o => o.Id);

        Assert.Equal(database.First.Dispatches, dispatches.Count);
        Assert.Contains(dispatches, d => d.ReceiveEntryId is null);
        Assert.Contains(dispatches, d => d.ReceiveEntryId is not null);
        Assert.All(dispatches, d =>
        {
            Assert.NotEmpty(d.Items);
            Assert.Equal(divisionId, d.ToOrgUnitId);
            var send = entries[d.SendEntryId];
            Assert.Equal((d.FromOrgUnitId, RegisterKind.Send, d.Year, d.Number), (send.OrgUnitId, send.Kind, send.Year, send.Number));
            Assert.Matches(@"^\S+ [๐-๙]+(\.[๐-๙]+)?/[๑-๙][๐-๙]*$", d.LetterNo);
            Assert.All(d.Items, i => Assert.Equal(provinces[d.FromOrgUnitId].ProvinceCode, submissions[i.SubmissionId].Municipality!.ProvinceCode));
            if (d.ReceiveEntryId is { } received)
            {
                Assert.Equal((divisionId, RegisterKind.Receive), (entries[received].OrgUnitId, entries[received].Kind));
                Assert.Equal(entries[received].DisplayNumber, d.ReceiveNo);
                Assert.True(d.ReceivedUtc > d.SentUtc);
            }
            else
            {
                // Nothing in a letter DLA has not received can have been accepted or returned by DLA.
                Assert.All(d.Items, i => Assert.Equal(SubmissionState.AtDla, submissions[i.SubmissionId].State));
            }
        });
        var dispatched = dispatches.SelectMany(d => d.Items).Select(i => i.SubmissionId).ToHashSet();
        Assert.All(submissions.Values.Where(s => s.State is SubmissionState.AtDla or SubmissionState.Accepted), s => Assert.Contains(s.Id, dispatched));
    }

    [Fact]
    public async Task A_second_call_adds_nothing_and_reports_the_same_counts()
    {
        var again = await SyntheticNationalData.SeedAsync(database.Factory, database.Clock);

        Assert.Equal(database.First with { Elapsed = TimeSpan.Zero }, again with { Elapsed = TimeSpan.Zero });
        await using var db = database.CreateContext();
        Assert.Equal(database.First.Municipalities, await db.OrgUnits.CountAsync(o => o.IsSynthetic));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_data_set()
    {
        await using var other = new SqliteTestDatabase();
        await other.InitializeAsync();
        await NationalDatabase.SeedBaseAsync(other.Factory, database.Clock);
        var summary = await SyntheticNationalData.SeedAsync(other.Factory, database.Clock);

        Assert.Equal(database.First with { Elapsed = TimeSpan.Zero }, summary with { Elapsed = TimeSpan.Zero });
        Assert.Equal(await DigestAsync(database), await DigestAsync(other));
    }

    [Fact]
    public async Task Lists_and_the_directory_say_which_rows_are_synthetic()
    {
        int divisionId;
        await using (var db = database.CreateContext())
        {
            divisionId = await db.OrgUnits.Where(o => o.Code == OrgTreeSeeder.DivisionCode).Select(o => o.Id).SingleAsync();
        }

        var dla = Principal(PortalRoles.DlaOfficer, OrgTreeSeeder.DivisionPath, divisionId);
        var krabi = await new SubmissionService(database.Factory, database.Clock, new SubmissionChangeNotifier())
            .ListAsync(dla, new SubmissionQuery(ProvinceCode: DemoOrganisations.ProvinceCode, PageSize: SubmissionService.MaxPageSize));
        var units = await new OrganisationService(database.Factory)
            .ListWithinJurisdictionAsync(dla, new OrgUnitQuery(Kind: OrgUnitKind.Municipality, ProvinceCode: DemoOrganisations.ProvinceCode, PageSize: 500));

        Assert.Contains(krabi.Items, i => i.IsSynthetic && !i.IsDemo);
        Assert.All(krabi.Items, i => Assert.Equal(i.Municipality.Code.StartsWith(SyntheticNationalData.CodePrefix, StringComparison.Ordinal), i.IsSynthetic));
        Assert.All(units.Items, u => Assert.Equal(u.Code.StartsWith(SyntheticNationalData.CodePrefix, StringComparison.Ordinal), u.IsSynthetic));
        Assert.Contains(units.Items, u => u.IsDemo);
    }

    /// <summary>Codes, classes, states, reference numbers, register numbers and letter numbers: what a seed decides.</summary>
    private static async Task<string> DigestAsync(SqliteTestDatabase db)
    {
        await using var context = db.CreateContext();
        var text = new StringBuilder();
        foreach (var row in await context.Submissions.AsNoTracking().Where(s => s.Municipality!.IsSynthetic)
                     .OrderBy(s => s.Municipality!.Code)
                     .Select(s => new { s.Municipality!.Code, s.Municipality.Class, s.State, s.ReferenceNo, s.EventCount, s.LastEventHash })
                     .ToListAsync())
        {
            text.Append(row).Append('\n');
        }

        foreach (var code in await context.OrgUnits.Where(o => o.IsSynthetic).OrderBy(o => o.Code).Select(o => o.Code + o.Path).ToListAsync())
        {
            text.Append(code).Append('\n');
        }

        foreach (var letter in await context.Dispatches.OrderBy(d => d.Id).Select(d => d.LetterNo + d.ReceiveNo).ToListAsync())
        {
            text.Append(letter).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static ClaimsPrincipal Principal(string role, string path, int orgUnitId = 2) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "test"),
            new Claim(ClaimTypes.Role, role),
            new Claim(PortalClaimTypes.OrgUnitId, orgUnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new Claim(PortalClaimTypes.OrgUnitPath, path),
        ],
        "test"));
}
