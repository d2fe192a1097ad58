using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.Position).HasMaxLength(200);
        builder.Property(u => u.ExternalObjectId).HasMaxLength(64);
        builder.HasIndex(u => u.ExternalObjectId).IsUnique();
        builder.Property(u => u.EntraUpn).HasMaxLength(256);
        builder.HasIndex(u => u.EntraUpn).IsUnique().HasFilter("[EntraUpn] IS NOT NULL");
        builder.Property(u => u.DisabledReason).HasMaxLength(500);
    }
}
