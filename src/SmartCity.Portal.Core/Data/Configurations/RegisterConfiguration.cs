using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class RegisterCounterConfiguration : IEntityTypeConfiguration<RegisterCounter>
{
    public void Configure(EntityTypeBuilder<RegisterCounter> builder)
    {
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(c => new { c.OrgUnitId, c.Kind, c.Year }).IsUnique();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RegisterEntryConfiguration : IEntityTypeConfiguration<RegisterEntry>
{
    public void Configure(EntityTypeBuilder<RegisterEntry> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(10);
        // The guarantee behind "never reused": two entries can never carry the same number.
        builder.HasIndex(e => new { e.OrgUnitId, e.Kind, e.Year, e.Number }).IsUnique();
        builder.HasIndex(e => e.SubmissionId);
        builder.Property(e => e.Subject).HasMaxLength(500);
        builder.Property(e => e.Note).HasMaxLength(1000);
        builder.Property(e => e.RecordedByUserName).HasMaxLength(256);
        builder.Property(e => e.CancelReason).HasMaxLength(1000);
        builder.Property(e => e.CancelledByUserName).HasMaxLength(256);
        builder.Ignore(e => e.DisplayNumber);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Submission>().WithMany().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ConcurrencyToken).IsConcurrencyToken();
    }
}
