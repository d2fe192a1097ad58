using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Data;

namespace SmartCity.Portal.Registers;

public static class RegisterNumbers
{
    /// <summary>
    /// Makes sure the year's counter row exists, in its own short transaction, so that issuing never
    /// has to insert it (two "first of the year" entries at once would otherwise collide).
    /// </summary>
    public static async Task EnsureCounterAsync(IDbContextFactory<PortalDbContext> dbFactory, int orgUnitId, RegisterKind kind, int year, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.RegisterCounters.AnyAsync(c => c.OrgUnitId == orgUnitId && c.Kind == kind && c.Year == year, cancellationToken))
        {
            return;
        }

        db.RegisterCounters.Add(new RegisterCounter { OrgUnitId = orgUnitId, Kind = kind, Year = year, LastNumber = 0 });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone else created it a moment ago: that is all we wanted.
            await using var check = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await check.RegisterCounters.AnyAsync(c => c.OrgUnitId == orgUnitId && c.Kind == kind && c.Year == year, cancellationToken))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// Issues the next number of an office's register for a year. Must run inside the caller's
    /// transaction, before anything else in it writes: the UPDATE is the first write, so concurrent
    /// callers queue on it, and a rolled-back caller gives its number back with everything else.
    /// </summary>
    public static async Task<int> IssueAsync(PortalDbContext db, int orgUnitId, RegisterKind kind, int year, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Register numbers are issued inside the transaction that records the entry.");
        }

        var updated = await db.RegisterCounters
            .Where(c => c.OrgUnitId == orgUnitId && c.Kind == kind && c.Year == year)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastNumber, c => c.LastNumber + 1), cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException($"No register counter for office {orgUnitId}, {kind} {year}: call EnsureCounterAsync first.");
        }

        return await db.RegisterCounters
            .Where(c => c.OrgUnitId == orgUnitId && c.Kind == kind && c.Year == year)
            .Select(c => c.LastNumber)
            .SingleAsync(cancellationToken);
    }
}
