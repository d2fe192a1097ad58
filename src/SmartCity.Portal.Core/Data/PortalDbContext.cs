using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Common;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Data;

/// <summary>
/// Identity's user tables without its role tables: roles belong to memberships
/// (see <see cref="Membership"/>), not to users.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityUserContext<PortalUser>(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<Membership> Memberships => Set<Membership>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RotateConcurrencyTokens();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RotateConcurrencyTokens();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The original value stays what was read, so EF's WHERE clause still checks the old token
    // while the row gets a new one: a second writer holding the old token then updates 0 rows.
    private void RotateConcurrencyTokens()
    {
        foreach (var entry in ChangeTracker.Entries<IConcurrencyVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.ConcurrencyToken = Guid.NewGuid();
            }
        }
    }
}
