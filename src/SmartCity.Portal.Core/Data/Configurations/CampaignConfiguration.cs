using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions.Routing;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(500);
        builder.Property(c => c.LetterNo).HasMaxLength(100);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Routing)
            .HasColumnName("RoutingJson")
            .HasMaxLength(500)
            .HasConversion(
                r => JsonSerializer.Serialize(r.ViaDistrict.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value), (JsonSerializerOptions?)null),
                json => FromJson(json),
                new ValueComparer<RoutingRule>((a, b) => a!.Equals(b), r => r.GetHashCode(), r => r));
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(c => c.FiscalYear);
    }

    private static RoutingRule FromJson(string json)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, bool>>(json) ?? [];
        return new RoutingRule(raw.ToDictionary(kv => Enum.Parse<MunicipalityClass>(kv.Key), kv => kv.Value));
    }
}

internal sealed class TierDeadlineConfiguration : IEntityTypeConfiguration<TierDeadline>
{
    public void Configure(EntityTypeBuilder<TierDeadline> builder)
    {
        builder.HasIndex(t => new { t.CampaignId, t.OrgUnitId }).IsUnique();
        builder.HasOne<Campaign>().WithMany().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(t => t.OrgUnit).WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.ConcurrencyToken).IsConcurrencyToken();
    }
}
