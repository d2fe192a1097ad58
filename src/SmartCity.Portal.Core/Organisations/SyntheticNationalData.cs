using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Organisations;

public sealed record SyntheticNationalSummary(int Municipalities, int Submissions, int Events, int RegisterEntries, int Dispatches, TimeSpan Elapsed);

/// <summary>
/// A made-up national data set for measuring dashboards and exports at full scale: about as many
/// municipalities as DLA has (30 นคร, 200 เมือง, 2,240 ตำบล over the real provincial and district
/// offices), a demo-campaign submission for nine in ten of them in every state, a year of hash-chained
/// workflow events, paper-copy receive registers and dispatches to DLA. Every municipality is flagged
/// <see cref="OrgUnit.IsSynthetic"/> and named so; register lines and dispatches carry
/// <see cref="SyntheticUserName"/> as their recorder. The same seed gives the same codes, states and
/// numbers; times are laid out backwards from the clock so that nothing lies in the future.
/// </summary>
public static class SyntheticNationalData
{
    public const int CityCount = 30;
    public const int TownCount = 200;
    public const int SubdistrictCount = 2240;

    /// <summary>Real and demo codes are digits only ("81", "8101", "810116"): an "S-" code never collides with one.</summary>
    public const string CodePrefix = "S-";

    /// <summary>Recorder of every synthetic event, register line and dispatch, so they can be told apart and counted.</summary>
    public const string SyntheticUserName = "synthetic-data";

    private const double NotStartedShare = 0.10;
    private const string ReturnComment = "ข้อมูลสังเคราะห์: กรุณาแก้ไขข้อมูลตัวชี้วัดให้ครบถ้วน";

    // Everything before the dispatch fits in 6 gaps of at most 6 days, a dispatch waits at most 16
    // days, DLA receives within 4 and decides within 6 more: starting 65 days back keeps it all in the past.
    private static readonly TimeSpan MaxGap = TimeSpan.FromDays(6);
    private static readonly TimeSpan BatchWindow = TimeSpan.FromDays(14);
    private static readonly TimeSpan LatestStart = TimeSpan.FromDays(65);
    private static readonly TimeSpan Year = TimeSpan.FromDays(365);

    /// <summary>Share of each state among the started submissions, roughly as a round looks a few weeks before its deadline.</summary>
    private static readonly (SubmissionState State, int Weight)[] StateMix =
    [
        (SubmissionState.Draft, 12),
        (SubmissionState.AtDistrict, 8),
        (SubmissionState.AtProvince, 15),
        (SubmissionState.AtDla, 15),
        (SubmissionState.Returned, 8),
        (SubmissionState.Accepted, 30),
        (SubmissionState.Withdrawn, 4),
        (SubmissionState.Lapsed, 8),
    ];

    /// Requires the org tree and the demo campaign seeded (DatabaseInitializer). Idempotent: a second call adds nothing and returns the existing counts.
    public static async Task<SyntheticNationalSummary> SeedAsync(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, int randomSeed = 2567, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(clock);
        var started = Stopwatch.GetTimestamp();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.OrgUnits.AnyAsync(o => o.IsSynthetic, cancellationToken))
            {
                await GenerateAsync(db, clock.GetUtcNow().UtcDateTime, randomSeed, cancellationToken);
            }
        }

        await using var count = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CountAsync(count, Stopwatch.GetElapsedTime(started), cancellationToken);
    }

    private static async Task<SyntheticNationalSummary> CountAsync(PortalDbContext db, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var municipalities = await db.OrgUnits.CountAsync(o => o.IsSynthetic && o.Kind == OrgUnitKind.Municipality, cancellationToken);
        var submissions = await db.Submissions.CountAsync(s => s.Municipality!.IsSynthetic, cancellationToken);
        var events = await db.WorkflowEvents.CountAsync(e => db.Submissions.Any(s => s.Id == e.SubmissionId && s.Municipality!.IsSynthetic), cancellationToken);
        var entries = await db.RegisterEntries.CountAsync(e => e.RecordedByUserName == SyntheticUserName, cancellationToken);
        var dispatches = await db.Dispatches.CountAsync(d => d.SentByUserName == SyntheticUserName, cancellationToken);
        return new SyntheticNationalSummary(municipalities, submissions, events, entries, dispatches, elapsed);
    }

    private static async Task GenerateAsync(PortalDbContext db, DateTime now, int randomSeed, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .SingleOrDefaultAsync(c => c.FiscalYear == DemoCampaign.FiscalYear && c.LetterNo == DemoCampaign.LetterNo, cancellationToken)
            ?? throw new InvalidOperationException("The national data set needs the demo campaign: seed the demo data first (Seed:Demo).");
        var offices = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.ProvinceOffice || o.Kind == OrgUnitKind.DistrictOffice || o.Code == OrgTreeSeeder.DivisionCode)
            .ToListAsync(cancellationToken);
        var world = new World(
            offices.Single(o => o.Code == OrgTreeSeeder.DivisionCode),
            offices.Where(o => o.Kind == OrgUnitKind.ProvinceOffice).OrderBy(o => o.Code, StringComparer.Ordinal).ToList(),
            offices.Where(o => o.Kind == OrgUnitKind.DistrictOffice).OrderBy(o => o.Code, StringComparer.Ordinal).ToList(),
            campaign.Routing);
        if (world.Provinces.Count == 0 || world.Districts.Count > SubdistrictCount)
        {
            throw new InvalidOperationException("The national data set needs the reference org tree (OrgTreeSeeder).");
        }

        var random = new Random(randomSeed);
        var municipalities = Municipalities(world, random);
        var plans = municipalities.Select(m => Plan(world, m, random, now)).OfType<SubmissionPlan>().ToList();
        var dispatches = Dispatches(world, plans, random);
        var lines = plans.Where(p => p.PaperCopy is not null).Select(p => p.PaperCopy!)
            .Concat(dispatches.Select(d => d.Send))
            .Concat(dispatches.Where(d => d.Receive is not null).Select(d => d.Receive!))
            .ToList();
        var latest = plans.SelectMany(p => p.Steps).Max(s => s.At);
        if (latest > now)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"A synthetic event fell in the future ({latest:O} after {now:O})."));
        }

        var previousDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Tens of thousands of new rows: scanning them all for changes on every call costs more than the inserts.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await SaveInChunksAsync(db, municipalities, m => db.OrgUnits.Add(m.Unit), cancellationToken);
            await SaveInChunksAsync(db, plans, p => db.Submissions.Add(p.Submission = NewSubmission(campaign, p)), cancellationToken);

            await NumberAsync(db, lines, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            await SaveInChunksAsync(db, plans, p => AddHistory(db, campaign, p), cancellationToken);
            await SaveInChunksAsync(db, lines, l => db.RegisterEntries.Add(l.Entry = NewEntry(l)), cancellationToken);
            await SaveInChunksAsync(db, dispatches, d => db.Dispatches.Add(NewDispatch(campaign, world, d)), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previousDetect;
        }
    }

    /// <summary>
    /// Saves every 200 rows and forgets them: on SQLite one SaveChanges over thousands of rows took
    /// about 2.5 times the CPU (measured on the 2,470 municipalities); 50 was no better than 200.
    /// </summary>
    private static async Task SaveInChunksAsync<T>(PortalDbContext db, IReadOnlyList<T> items, Action<T> add, CancellationToken cancellationToken)
    {
        const int chunk = 200;
        for (var i = 0; i < items.Count; i++)
        {
            add(items[i]);
            if ((i + 1) % chunk == 0 || i == items.Count - 1)
            {
                await db.SaveChangesAsync(cancellationToken);
                // Saved rows keep their new ids; tracking them on would only slow every later save.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static List<SyntheticMunicipality> Municipalities(World world, Random random)
    {
        var slots = new List<(MunicipalityClass Class, OrgUnit Province, OrgUnit? District)>();
        var shuffled = world.Provinces.ToArray();
        random.Shuffle(shuffled);
        slots.AddRange(shuffled.Take(CityCount).Select(p => (MunicipalityClass.City, p, (OrgUnit?)null)));
        // Every province has at least one town, so every province office has work to show.
        slots.AddRange(world.Provinces.Select(p => (MunicipalityClass.Town, p, (OrgUnit?)null)));
        for (var i = world.Provinces.Count; i < TownCount; i++)
        {
            slots.Add((MunicipalityClass.Town, world.Provinces[random.Next(world.Provinces.Count)], null));
        }

        // At least one ตำบล per district office, the rest spread at random as the real ones are uneven.
        slots.AddRange(world.Districts.Select(d => (MunicipalityClass.Subdistrict, world.ProvinceOf(d), (OrgUnit?)d)));
        for (var i = world.Districts.Count; i < SubdistrictCount; i++)
        {
            var d = world.Districts[random.Next(world.Districts.Count)];
            slots.Add((MunicipalityClass.Subdistrict, world.ProvinceOf(d), d));
        }

        var ordered = slots
            .OrderBy(s => s.Province.Code, StringComparer.Ordinal)
            .ThenBy(s => s.Class)
            .ThenBy(s => s.District?.Code, StringComparer.Ordinal)
            .ToList();
        var result = new List<SyntheticMunicipality>(ordered.Count);
        var number = 0;
        foreach (var (cls, province, district) in ordered)
        {
            number++;
            var provinceCode = province.Code;
            // นคร and เมือง hang under the province office (DESIGN.md 2) but sit in a district: the first, อำเภอเมือง.
            var parent = district ?? province;
            var code = string.Create(CultureInfo.InvariantCulture, $"{CodePrefix}{provinceCode}-{number:0000}");
            var (th, en) = cls switch
            {
                MunicipalityClass.City => ("เทศบาลนครสังเคราะห์", "Synthetic City Municipality"),
                MunicipalityClass.Town => ("เทศบาลเมืองสังเคราะห์", "Synthetic Town Municipality"),
                _ => ("เทศบาลตำบลสังเคราะห์", "Synthetic Subdistrict Municipality"),
            };
            var suffix = number.ToString("0000", CultureInfo.InvariantCulture);
            result.Add(new SyntheticMunicipality(new OrgUnit
            {
                Code = code,
                NameTh = $"{th} {suffix}",
                NameEn = $"{en} {suffix}",
                Kind = OrgUnitKind.Municipality,
                Class = cls,
                ParentId = parent.Id,
                Path = OrgUnit.ChildPath(parent.Path, code),
                ProvinceCode = provinceCode,
                DistrictCode = (district ?? world.FirstDistrictOf(province)).Code,
                IsSynthetic = true,
            }, province, district ?? world.FirstDistrictOf(province)));
        }

        return result;
    }

    /// <summary>Lays out one municipality's history up to the point where a dispatch (if any) takes over; null when it never started.</summary>
    private static SubmissionPlan? Plan(World world, SyntheticMunicipality m, Random random, DateTime now)
    {
        if (random.NextDouble() < NotStartedShare)
        {
            return null;
        }

        var target = PickState(random);
        var viaDistrict = world.Routing.PassesDistrict(m.Unit.Class!.Value);
        if (target == SubmissionState.AtDistrict && !viaDistrict)
        {
            target = SubmissionState.AtProvince;
        }

        var start = target == SubmissionState.Draft
            ? now - Year + RandomSpan(random, Year - TimeSpan.FromDays(1))
            : now - Year + RandomSpan(random, Year - LatestStart);
        var plan = new SubmissionPlan(m, world.Division, target, viaDistrict, start);
        plan.Add(random, "create", SubmissionState.Draft, SubmissionState.Draft, Tier.Municipality, gap: false);
        plan.HasAnswers = target != SubmissionState.Draft || random.NextDouble() < 0.5;

        switch (target)
        {
            case SubmissionState.Draft:
                break;
            case SubmissionState.Withdrawn or SubmissionState.Lapsed:
                if (random.NextDouble() < 0.4)
                {
                    plan.Submit(random);
                    plan.Return(random, plan.State == SubmissionState.AtDistrict ? Tier.District : Tier.Province);
                }

                if (target == SubmissionState.Withdrawn)
                {
                    plan.Add(random, "withdraw", plan.State, SubmissionState.Withdrawn, Tier.Municipality);
                }
                else
                {
                    plan.Add(random, "lapse", plan.State, SubmissionState.Lapsed, null, comment: SubmissionService.LapseComment);
                }

                break;
            case SubmissionState.AtDistrict:
                plan.Submit(random);
                break;
            case SubmissionState.AtProvince:
                plan.ReachProvince(random);
                if (random.NextDouble() < 0.7)
                {
                    plan.RecordPaperCopy(random);
                }

                break;
            case SubmissionState.Returned:
                var returner = random.Next(viaDistrict ? 3 : 2) switch
                {
                    0 => Tier.Province,
                    1 => Tier.Dla,
                    _ => Tier.District,
                };
                if (returner == Tier.District)
                {
                    plan.Submit(random);
                    plan.Return(random, Tier.District);
                }
                else if (returner == Tier.Province)
                {
                    plan.ReachProvince(random);
                    plan.Return(random, Tier.Province);
                }
                else
                {
                    plan.ReachProvince(random);
                    plan.RecordPaperCopy(random);
                    plan.GoesToDla = true;
                }

                break;
            default: // AtDla, Accepted: on to DLA in the province's next dispatch
                plan.ReachProvince(random);
                plan.RecordPaperCopy(random);
                plan.GoesToDla = true;
                break;
        }

        return plan;
    }

    /// <summary>
    /// Batches each province's reports ready for DLA into cover letters, as an office sends what has
    /// piled up over a fortnight, then finishes the histories that continue after the letter.
    /// </summary>
    private static List<DispatchPlan> Dispatches(World world, List<SubmissionPlan> plans, Random random)
    {
        var result = new List<DispatchPlan>();
        foreach (var group in plans.Where(p => p.GoesToDla).GroupBy(p => p.Municipality.Province.Code, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var queue = group.OrderBy(p => p.Time).ToList();
            var province = group.First().Municipality.Province;
            var index = 0;
            while (index < queue.Count)
            {
                var size = random.Next(1, 9);
                var batch = new List<SubmissionPlan> { queue[index++] };
                while (index < queue.Count && batch.Count < size && queue[index].Time - batch[0].Time <= BatchWindow)
                {
                    batch.Add(queue[index++]);
                }

                var sent = batch[^1].Time + RandomSpan(random, TimeSpan.FromHours(47)) + TimeSpan.FromHours(1);
                var dispatch = new DispatchPlan(province, batch, new RegisterLine(province.Id, RegisterKind.Send, sent));
                foreach (var p in batch)
                {
                    p.Time = sent;
                    p.Add(random, "forward", SubmissionState.AtProvince, SubmissionState.AtDla, Tier.Province, gap: false);
                }

                // Reports DLA has acted on were received; of the rest, about half are still in the post.
                if (batch.Any(p => p.Target != SubmissionState.AtDla) || random.NextDouble() < 0.5)
                {
                    var received = sent + TimeSpan.FromDays(1) + RandomSpan(random, TimeSpan.FromDays(3));
                    dispatch.Received(new RegisterLine(world.Division.Id, RegisterKind.Receive, received));
                    foreach (var p in batch)
                    {
                        p.Time = received;
                        if (p.Target == SubmissionState.Accepted)
                        {
                            p.Add(random, "accept", SubmissionState.AtDla, SubmissionState.Accepted, Tier.Dla);
                        }
                        else if (p.Target == SubmissionState.Returned)
                        {
                            p.Return(random, Tier.Dla);
                        }
                    }
                }

                result.Add(dispatch);
            }
        }

        return result;
    }

    /// <summary>
    /// Numbers the lines as the registers would have: per office, kind and Buddhist year in the order
    /// of time, continuing from the office's counter, whose row is created or advanced to match.
    /// </summary>
    private static async Task NumberAsync(PortalDbContext db, List<RegisterLine> lines, CancellationToken cancellationToken)
    {
        var counters = await db.RegisterCounters.ToListAsync(cancellationToken);
        var order = 0;
        foreach (var line in lines)
        {
            line.Order = order++;
        }

        foreach (var group in lines.GroupBy(l => (l.OrgUnitId, l.Kind, l.Year)))
        {
            var counter = counters.SingleOrDefault(c => c.OrgUnitId == group.Key.OrgUnitId && c.Kind == group.Key.Kind && c.Year == group.Key.Year);
            if (counter is null)
            {
                counter = new RegisterCounter { OrgUnitId = group.Key.OrgUnitId, Kind = group.Key.Kind, Year = group.Key.Year };
                db.RegisterCounters.Add(counter);
                counters.Add(counter);
            }

            foreach (var line in group.OrderBy(l => l.At).ThenBy(l => l.Order))
            {
                line.Number = ++counter.LastNumber;
            }

            // Change detection is off while seeding: say what changed.
            if (db.Entry(counter).State == EntityState.Unchanged)
            {
                db.Entry(counter).Property(c => c.LastNumber).IsModified = true;
            }
        }
    }

    private static Submission NewSubmission(Campaign campaign, SubmissionPlan plan)
    {
        var m = plan.Municipality;
        var holder = SubmissionWorkflow.HolderTier(plan.State) switch
        {
            Tier.District => m.District.Id,
            Tier.Province => m.Province.Id,
            Tier.Dla => plan.OfficeId(Tier.Dla),
            // Draft and Returned are with the municipality; Withdrawn and Lapsed leave it there too.
            _ => m.Unit.Id,
        };
        var submitted = plan.Steps.LastOrDefault(s => s.Action is "submit" or "resubmit");
        return new Submission
        {
            CampaignId = campaign.Id,
            MunicipalityId = m.Unit.Id,
            State = plan.State,
            HolderOrgUnitId = holder,
            ReturnedByOrgUnitId = plan.ReturnedBy is { } r ? plan.OfficeId(r) : null,
            AnswersJson = plan.HasAnswers ? """{"synthetic":true}""" : "{}",
            PaperCopyReceivedUtc = plan.PaperCopy?.At,
            CreatedUtc = plan.Steps[0].At,
            UpdatedUtc = plan.Steps[^1].At,
            SubmittedUtc = submitted?.At,
        };
    }

    private static void AddHistory(PortalDbContext db, Campaign campaign, SubmissionPlan plan)
    {
        var s = plan.Submission!;
        var m = plan.Municipality;
        db.Submissions.Attach(s);
        if (plan.Steps.Any(x => x.Action == "submit"))
        {
            s.ReferenceNo = string.Create(CultureInfo.InvariantCulture, $"SC{campaign.FiscalYear}-{m.Unit.ProvinceCode}-{s.Id:0000}");
        }

        foreach (var step in plan.Steps)
        {
            var actor = step.Actor is { } tier
                ? new PortalActor(SyntheticUserName, SyntheticUserName, SyntheticUserName, PortalRoles.RoleOf(tier), plan.OfficeId(tier), "")
                : null;
            var comment = step.Action == "paper-copy" ? $"เลขรับ {RegisterEntry.FormatNumber(plan.PaperCopy!.Number, plan.PaperCopy.Year)}" : step.Comment;
            db.WorkflowEvents.Add(SubmissionService.NewEvent(s, actor, step.Action, step.From, step.To, comment, step.At));
        }

        // Change detection is off while seeding: say what changed.
        var entry = db.Entry(s);
        entry.Property(x => x.ReferenceNo).IsModified = s.ReferenceNo is not null;
        entry.Property(x => x.EventCount).IsModified = true;
        entry.Property(x => x.LastEventHash).IsModified = true;
    }

    private static RegisterEntry NewEntry(RegisterLine line) => new()
    {
        OrgUnitId = line.OrgUnitId,
        Kind = line.Kind,
        Year = line.Year,
        Number = line.Number,
        Subject = line.Subject(),
        SubmissionId = line.Submission?.Submission?.Id,
        DocumentDate = BangkokDate(line.At),
        RecordedUtc = line.At,
        RecordedByUserName = SyntheticUserName,
    };

    private static Dispatch NewDispatch(Campaign campaign, World world, DispatchPlan d)
    {
        var prefix = d.Province.LetterCodePrefix ?? $"ส{ThaiDigits(d.Province.Code)} ๐๐๒๓.๓";
        var dispatch = new Dispatch
        {
            CampaignId = campaign.Id,
            FromOrgUnitId = d.Province.Id,
            ToOrgUnitId = world.Division.Id,
            SendEntryId = d.Send.Entry!.Id,
            Year = d.Send.Year,
            Number = d.Send.Number,
            LetterNo = $"{prefix}/{ThaiDigits(d.Send.Number.ToString(CultureInfo.InvariantCulture))}",
            LetterDate = BangkokDate(d.Send.At),
            SentUtc = d.Send.At,
            SentByUserName = SyntheticUserName,
            ReceiveEntryId = d.Receive?.Entry!.Id,
            ReceiveNo = d.Receive is { } r ? RegisterEntry.FormatNumber(r.Number, r.Year) : null,
            ReceivedDate = d.Receive is { } rd ? BangkokDate(rd.At) : null,
            ReceivedUtc = d.Receive?.At,
            ReceivedByUserName = d.Receive is null ? null : SyntheticUserName,
        };
        dispatch.Items.AddRange(d.Items.Select(p => new DispatchItem { SubmissionId = p.Submission!.Id }));
        return dispatch;
    }

    private static SubmissionState PickState(Random random)
    {
        var roll = random.Next(StateMix.Sum(s => s.Weight));
        foreach (var (state, weight) in StateMix)
        {
            if (roll < weight)
            {
                return state;
            }

            roll -= weight;
        }

        return SubmissionState.Draft;
    }

    private static TimeSpan RandomSpan(Random random, TimeSpan max) => TimeSpan.FromMinutes(random.Next((int)max.TotalMinutes));

    /// <summary>A Bangkok calendar date stored as midnight UTC of that date, as the registers store it.</summary>
    private static DateTime BangkokDate(DateTime utc) => DateTime.SpecifyKind(ThaiTime.ToBangkok(utc).Date, DateTimeKind.Utc);

    internal static string ThaiDigits(string value) =>
        string.Concat(value.Select(c => c is >= '0' and <= '9' ? (char)('๐' + (c - '0')) : c));

    private sealed record World(OrgUnit Division, List<OrgUnit> Provinces, List<OrgUnit> Districts, Submissions.Routing.RoutingRule Routing)
    {
        private readonly Dictionary<string, OrgUnit> provinceByCode = Provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
        private readonly Dictionary<string, OrgUnit> firstDistrict = Districts
            .GroupBy(d => d.ProvinceCode!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public OrgUnit ProvinceOf(OrgUnit district) => provinceByCode[district.ProvinceCode!];

        public OrgUnit FirstDistrictOf(OrgUnit province) => firstDistrict[province.Code];
    }

    private sealed record SyntheticMunicipality(OrgUnit Unit, OrgUnit Province, OrgUnit District);

    private sealed record Step(string Action, SubmissionState From, SubmissionState To, Tier? Actor, string? Comment, DateTime At);

    private sealed class RegisterLine(int orgUnitId, RegisterKind kind, DateTime at)
    {
        public int OrgUnitId { get; } = orgUnitId;

        public RegisterKind Kind { get; } = kind;

        public DateTime At { get; } = at;

        public int Year { get; } = ThaiTime.BuddhistYear(at);

        public int Order { get; set; }

        public int Number { get; set; }

        public SubmissionPlan? Submission { get; init; }

        public DispatchPlan? Dispatch { get; set; }

        public RegisterEntry? Entry { get; set; }

        public string Subject()
        {
            if (Submission is { } p)
            {
                return $"แบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ ฉบับจริง — {p.Municipality.Unit.NameTh} ({p.Submission!.ReferenceNo})";
            }

            var d = Dispatch!;
            return Kind == RegisterKind.Send
                ? string.Create(CultureInfo.InvariantCulture, $"นำส่งแบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ ฉบับจริง จำนวน {d.Items.Count} ฉบับ (ข้อมูลสังเคราะห์)")
                : string.Create(CultureInfo.InvariantCulture, $"{d.Province.NameTh} นำส่งแบบรายงานผลข้อมูลการพัฒนาศักยภาพเมืองน่าอยู่อัจฉริยะ ฉบับจริง จำนวน {d.Items.Count} ฉบับ (ข้อมูลสังเคราะห์)");
        }
    }

    private sealed class DispatchPlan
    {
        public DispatchPlan(OrgUnit province, List<SubmissionPlan> items, RegisterLine send)
        {
            Province = province;
            Items = items;
            Send = send;
            send.Dispatch = this;
        }

        public OrgUnit Province { get; }

        public List<SubmissionPlan> Items { get; }

        public RegisterLine Send { get; }

        public RegisterLine? Receive { get; private set; }

        public void Received(RegisterLine line)
        {
            Receive = line;
            line.Dispatch = this;
        }
    }

    /// <summary>One submission's history as it unfolds, kept consistent with the workflow as each step is added.</summary>
    private sealed class SubmissionPlan(SyntheticMunicipality municipality, OrgUnit division, SubmissionState target, bool viaDistrict, DateTime start)
    {
        public SyntheticMunicipality Municipality { get; } = municipality;

        public SubmissionState Target { get; } = target;

        public SubmissionState State { get; private set; } = SubmissionState.Draft;

        public DateTime Time { get; set; } = start;

        public List<Step> Steps { get; } = [];

        public Tier? ReturnedBy { get; private set; }

        public RegisterLine? PaperCopy { get; private set; }

        public bool GoesToDla { get; set; }

        public bool HasAnswers { get; set; }

        public Submission? Submission { get; set; }

        public int OfficeId(Tier tier) => tier switch
        {
            Tier.Municipality => Municipality.Unit.Id,
            Tier.District => Municipality.District.Id,
            Tier.Province => Municipality.Province.Id,
            _ => division.Id,
        };

        public void Add(Random random, string action, SubmissionState from, SubmissionState to, Tier? actor, string? comment = null, bool gap = true)
        {
            if (from != State)
            {
                throw new InvalidOperationException($"Synthetic history out of step: {action} from {from} while {State}.");
            }

            if (gap)
            {
                Time += TimeSpan.FromHours(1) + RandomSpan(random, MaxGap - TimeSpan.FromHours(1));
            }

            Steps.Add(new Step(action, from, to, actor, comment, Time));
            State = to;
        }

        public void Submit(Random random) =>
            Add(random, "submit", SubmissionState.Draft, viaDistrict ? SubmissionState.AtDistrict : SubmissionState.AtProvince, Tier.Municipality);

        public void Return(Random random, Tier by)
        {
            Add(random, "return", State, SubmissionState.Returned, by, ReturnComment);
            ReturnedBy = by;
        }

        /// <summary>Submits and brings the report to the province, now and then by way of a return and a resubmission.</summary>
        public void ReachProvince(Random random)
        {
            Submit(random);
            if (random.NextDouble() < 0.15)
            {
                var by = viaDistrict ? Tier.District : Tier.Province;
                Return(random, by);
                Add(random, "resubmit", SubmissionState.Returned, SubmissionWorkflow.StateHeldBy(by), Tier.Municipality);
            }

            if (State == SubmissionState.AtDistrict)
            {
                Add(random, "forward", SubmissionState.AtDistrict, SubmissionState.AtProvince, Tier.District);
            }
        }

        public void RecordPaperCopy(Random random)
        {
            Add(random, "paper-copy", SubmissionState.AtProvince, SubmissionState.AtProvince, Tier.Province);
            PaperCopy = new RegisterLine(Municipality.Province.Id, RegisterKind.Receive, Time) { Submission = this };
        }
    }
}
