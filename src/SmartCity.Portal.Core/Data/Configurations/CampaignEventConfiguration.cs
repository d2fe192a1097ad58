using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Campaigns;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class CampaignEventConfiguration : IEntityTypeConfiguration<CampaignEvent>
{
    public void Configure(EntityTypeBuilder<CampaignEvent> builder)
    {
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(CampaignEvent.DetailMaxLength);
        builder.HasIndex(e => new { e.CampaignId, e.Id });
        builder.HasOne(e => e.Campaign).WithMany().HasForeignKey(e => e.CampaignId).OnDelete(DeleteBehavior.Restrict);
    }
}
