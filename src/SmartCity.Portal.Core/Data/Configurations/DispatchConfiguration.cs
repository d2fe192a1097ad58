using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class DispatchConfiguration : IEntityTypeConfiguration<Dispatch>
{
    public void Configure(EntityTypeBuilder<Dispatch> builder)
    {
        builder.Property(d => d.LetterNo).HasMaxLength(60);
        builder.Property(d => d.SentByUserName).HasMaxLength(256);
        builder.Property(d => d.ReceiveNo).HasMaxLength(20);
        builder.Property(d => d.ReceivedByUserName).HasMaxLength(256);
        // One letter per send-register number: the register's own unique index already guarantees
        // the number, this keeps a letter from pointing at a line another letter uses.
        builder.HasIndex(d => d.SendEntryId).IsUnique();
        builder.HasIndex(d => new { d.FromOrgUnitId, d.Year, d.Number });
        builder.HasIndex(d => new { d.ToOrgUnitId, d.ReceivedUtc });
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.FromOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.ToOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RegisterEntry>().WithMany().HasForeignKey(d => d.SendEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RegisterEntry>().WithMany().HasForeignKey(d => d.ReceiveEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Items).WithOne().HasForeignKey(i => i.DispatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.ConcurrencyToken).IsConcurrencyToken();
    }
}

internal sealed class DispatchItemConfiguration : IEntityTypeConfiguration<DispatchItem>
{
    public void Configure(EntityTypeBuilder<DispatchItem> builder)
    {
        builder.HasIndex(i => new { i.DispatchId, i.SubmissionId }).IsUnique();
        builder.HasIndex(i => i.SubmissionId);
        builder.HasOne<Submission>().WithMany().HasForeignKey(i => i.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}
