using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Campaigns;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class CampaignDocumentConfiguration : IEntityTypeConfiguration<CampaignDocument>
{
    public void Configure(EntityTypeBuilder<CampaignDocument> builder)
    {
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.OriginalFileName).HasMaxLength(Attachment.OriginalFileNameMaxLength);
        builder.Property(d => d.StoredFileName).HasMaxLength(64);
        builder.Property(d => d.FileKind).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(d => d.UploadedByUserName).HasMaxLength(256);
        builder.HasIndex(d => d.CampaignId);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
