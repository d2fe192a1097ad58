using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Role).HasMaxLength(40);
        builder.HasIndex(m => new { m.UserId, m.OrgUnitId }).IsUnique();
        builder.HasIndex(m => m.OrgUnitId);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.OrgUnit).WithMany().HasForeignKey(m => m.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(m => m.ConcurrencyToken).IsConcurrencyToken();
    }
}
