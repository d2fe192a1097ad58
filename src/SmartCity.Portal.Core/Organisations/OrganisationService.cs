using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Organisations;

/// <summary>
/// Reads of the organisation tree. Every call names its caller and is checked here, by role
/// and jurisdiction, because pages and API endpoints alike are public entry points.
/// </summary>
public sealed class OrganisationService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The home of the caller's active office, refused when the caller acts in another tier.</summary>
    public async Task<OrgUnitOverview> GetTierHomeAsync(ClaimsPrincipal user, Tier tier, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        if (actor.Tier != tier)
        {
            throw new PortalAccessDeniedException(PortalErrors.WrongTier);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == actor.OrgUnitId, cancellationToken)
            ?? throw new PortalAccessDeniedException(PortalErrors.NoActiveMembership);
        return await OverviewAsync(db, unit, cancellationToken);
    }

    /// <summary>Any office in the caller's jurisdiction; one outside it is reported as not found.</summary>
    public async Task<OrgUnitOverview> GetOverviewAsync(ClaimsPrincipal user, int orgUnitId, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Id == orgUnitId && o.Path.StartsWith(actor.OrgUnitPath))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new PortalNotFoundException(PortalErrors.OrgUnitNotFound);
        return await OverviewAsync(db, unit, cancellationToken);
    }

    /// <summary>The caller's memberships, for the office switcher.</summary>
    public async Task<IReadOnlyList<MembershipChoice>> GetMembershipChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == actor.UserId)
            .OrderBy(m => m.OrgUnit!.Path)
            .Select(m => new MembershipChoice(m.OrgUnitId, m.OrgUnit!.NameTh, m.OrgUnit.NameEn, m.Role, m.OrgUnitId == actor.OrgUnitId))
            .ToListAsync(cancellationToken);
    }

    public const int MaxOrgUnitPageSize = 500;

    /// <summary>
    /// The offices within the caller's jurisdiction (its own office and everything below it),
    /// filtered, counted and paged by the database, in tree order.
    /// </summary>
    public async Task<OrgUnitPage> ListWithinJurisdictionAsync(ClaimsPrincipal user, OrgUnitQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var actor = PortalActor.From(user);
        var page = Math.Max(1, query.Page);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxOrgUnitPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var q = db.OrgUnits.AsNoTracking().Where(o => o.Path.StartsWith(actor.OrgUnitPath));
        if (query.Kind is { } kind)
        {
            q = q.Where(o => o.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.ProvinceCode))
        {
            q = q.Where(o => o.ProvinceCode == query.ProvinceCode);
        }

        if (query.ParentId is { } parentId)
        {
            q = q.Where(o => o.ParentId == parentId);
        }

        var total = await q.CountAsync(cancellationToken);
        var items = await q.OrderBy(o => o.Path).Skip((page - 1) * pageSize).Take(pageSize).Select(Summary).ToListAsync(cancellationToken);
        return new OrgUnitPage(items, total, page, pageSize);
    }

    /// <summary>The caller's own offices (every membership, whichever is active), for "who am I".</summary>
    public async Task<IReadOnlyList<MembershipUnit>> GetMembershipUnitsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = PortalActor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.UserId == actor.UserId)
            .OrderBy(m => m.OrgUnit!.Path)
            .Select(m => new { m.Role, Unit = m.OrgUnit! })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MembershipUnit(ToSummary(r.Unit), r.Role, r.Unit.Id == actor.OrgUnitId)).ToList();
    }

    private static async Task<OrgUnitOverview> OverviewAsync(PortalDbContext db, OrgUnit unit, CancellationToken cancellationToken)
    {
        var ancestorCodes = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).ToList();
        var ancestors = await db.OrgUnits.AsNoTracking()
            .Where(o => ancestorCodes.Contains(o.Code))
            .OrderBy(o => o.Path.Length)
            .Select(Summary)
            .ToListAsync(cancellationToken);

        var children = await db.OrgUnits.AsNoTracking()
            .Where(o => o.ParentId == unit.Id)
            .OrderBy(o => o.Kind).ThenBy(o => o.Code)
            .Select(Summary)
            .ToListAsync(cancellationToken);

        var byClass = await db.OrgUnits.AsNoTracking()
            .Where(o => o.Kind == OrgUnitKind.Municipality && o.Path.StartsWith(unit.Path))
            .GroupBy(o => new { o.Class, o.IsDemo })
            .Select(g => new { g.Key.Class, g.Key.IsDemo, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var counts = new MunicipalityCounts(
            byClass.Where(c => c.Class == MunicipalityClass.City).Sum(c => c.Count),
            byClass.Where(c => c.Class == MunicipalityClass.Town).Sum(c => c.Count),
            byClass.Where(c => c.Class == MunicipalityClass.Subdistrict).Sum(c => c.Count),
            byClass.Where(c => c.IsDemo).Sum(c => c.Count));

        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.OrgUnitId == unit.Id)
            .OrderBy(m => m.User!.DisplayName)
            .Select(m => new MemberSummary(m.User!.UserName!, m.User.DisplayName, m.User.Position, m.Role, m.User.Email))
            .ToListAsync(cancellationToken);

        return new OrgUnitOverview(ToSummary(unit), ancestors, children, counts, people);
    }

    private static readonly System.Linq.Expressions.Expression<Func<OrgUnit, OrgUnitSummary>> Summary =
        o => new OrgUnitSummary(o.Id, o.Code, o.NameTh, o.NameEn, o.Kind, o.Class, o.ProvinceCode, o.DistrictCode, o.ParentId, o.IsDemo, o.IsSynthetic);

    private static readonly Func<OrgUnit, OrgUnitSummary> ToSummary = Summary.Compile();
}
