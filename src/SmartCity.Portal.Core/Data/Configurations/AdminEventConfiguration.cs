using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Audit;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class AdminEventConfiguration : IEntityTypeConfiguration<AdminEvent>
{
    public void Configure(EntityTypeBuilder<AdminEvent> builder)
    {
        builder.Property(e => e.ActorUserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.TargetUserId).HasMaxLength(450);
        builder.Property(e => e.TargetUserName).HasMaxLength(256);
        builder.Property(e => e.OfficeCode).HasMaxLength(32);
        builder.Property(e => e.ScopePath).HasMaxLength(200);
        builder.Property(e => e.Before).HasMaxLength(AdminEvent.ValueMaxLength);
        builder.Property(e => e.After).HasMaxLength(AdminEvent.ValueMaxLength);
        builder.Property(e => e.Note).HasMaxLength(1000);
        // No foreign key to the user: the record of what happened to an account outlives the account.
        builder.HasIndex(e => e.OccurredUtc);
        builder.HasIndex(e => new { e.ScopePath, e.OccurredUtc });
        builder.HasIndex(e => e.TargetUserName);
        builder.HasIndex(e => e.ActorUserName);
    }
}
