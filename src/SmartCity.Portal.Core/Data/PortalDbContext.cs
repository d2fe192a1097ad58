using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Data;

/// <summary>
/// Identity's user tables without its role tables: roles belong to memberships
/// (see <see cref="Membership"/>), not to users.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityUserContext<PortalUser>(options)
{
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<TierDeadline> TierDeadlines => Set<TierDeadline>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<WorkflowEvent> WorkflowEvents => Set<WorkflowEvent>();

    public DbSet<Registers.RegisterCounter> RegisterCounters => Set<Registers.RegisterCounter>();

    public DbSet<Registers.RegisterEntry> RegisterEntries => Set<Registers.RegisterEntry>();

    public DbSet<Registers.Dispatch> Dispatches => Set<Registers.Dispatch>();

    public DbSet<Registers.DispatchItem> DispatchItems => Set<Registers.DispatchItem>();

    public DbSet<Forms.FormDefinitionVersion> FormDefinitionVersions => Set<Forms.FormDefinitionVersion>();

    public DbSet<Attachments.Attachment> Attachments => Set<Attachments.Attachment>();

    public DbSet<CampaignDocument> CampaignDocuments => Set<CampaignDocument>();

    public DbSet<CampaignEvent> CampaignEvents => Set<CampaignEvent>();

    public DbSet<Accounts.PasswordLink> PasswordLinks => Set<Accounts.PasswordLink>();

    public DbSet<AdminEvent> AdminEvents => Set<AdminEvent>();

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
        // The audit trail is append-only: no code path may change or remove an event.
        if (ChangeTracker.Entries<WorkflowEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Workflow events are append-only.");
        }

        if (ChangeTracker.Entries<AdminEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Administrative events are append-only.");
        }

        // Submissions were started, validated and printed against a published form version: it must
        // stay exactly as they saw it. The original value counts, so un-publishing in the same save is refused too.
        if (ChangeTracker.Entries<Forms.FormDefinitionVersion>().Any(e =>
                e.State is EntityState.Modified or EntityState.Deleted && e.OriginalValues.GetValue<DateTime?>(nameof(Forms.FormDefinitionVersion.PublishedUtc)) is not null))
        {
            throw new InvalidOperationException("A published form version never changes; publish a new version instead.");
        }

        foreach (var entry in ChangeTracker.Entries<IConcurrencyVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.ConcurrencyToken = Guid.NewGuid();
            }
        }
    }
}
