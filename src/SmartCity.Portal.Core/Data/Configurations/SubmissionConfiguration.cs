using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => new { s.CampaignId, s.MunicipalityId }).IsUnique();
        builder.HasIndex(s => new { s.CampaignId, s.ReferenceNo }).IsUnique();
        builder.HasIndex(s => new { s.CampaignId, s.State });
        builder.HasIndex(s => s.HolderOrgUnitId);
        builder.Property(s => s.ReferenceNo).HasMaxLength(40);
        builder.Property(s => s.LastEventHash).HasMaxLength(64);
        builder.HasOne(s => s.Campaign).WithMany().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Municipality).WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Holder).WithMany().HasForeignKey(s => s.HolderOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisations.OrgUnit>().WithMany().HasForeignKey(s => s.ReturnedByOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Forms.FormDefinitionVersion>().WithMany().HasForeignKey(s => s.FormVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.ConcurrencyToken).IsConcurrencyToken();
    }
}

internal sealed class WorkflowEventConfiguration : IEntityTypeConfiguration<WorkflowEvent>
{
    public void Configure(EntityTypeBuilder<WorkflowEvent> builder)
    {
        builder.HasIndex(e => new { e.SubmissionId, e.Sequence }).IsUnique();
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(20);
        builder.Property(e => e.FromState).HasMaxLength(20);
        builder.Property(e => e.ToState).HasMaxLength(20);
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasOne<Submission>().WithMany().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}
