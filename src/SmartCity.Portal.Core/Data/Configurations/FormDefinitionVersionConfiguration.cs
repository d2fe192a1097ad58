using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class FormDefinitionVersionConfiguration : IEntityTypeConfiguration<FormDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<FormDefinitionVersion> builder)
    {
        // The unique index is what makes "max + 1" safe when two officers publish at once.
        builder.HasIndex(f => new { f.CampaignId, f.Version }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(f => f.CampaignId).OnDelete(DeleteBehavior.Restrict);
        // Unbounded on purpose (nvarchar(max) / TEXT): the default template alone is tens of kilobytes of Thai JSON.
        builder.Property(f => f.Json).IsRequired();
        builder.Property(f => f.CreatedByUserName).HasMaxLength(256);
        builder.Property(f => f.ConcurrencyToken).IsConcurrencyToken();
    }
}
