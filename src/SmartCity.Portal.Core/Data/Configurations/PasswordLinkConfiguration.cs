using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Accounts;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class PasswordLinkConfiguration : IEntityTypeConfiguration<PasswordLink>
{
    public void Configure(EntityTypeBuilder<PasswordLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.UserId, l.CreatedUtc });
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.HasOne<Security.PortalUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
