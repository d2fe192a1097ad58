using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.Property(o => o.Code).HasMaxLength(32);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.NameTh).HasMaxLength(200);
        builder.Property(o => o.NameEn).HasMaxLength(200);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Class).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Path).HasMaxLength(200);
        builder.HasIndex(o => o.Path);
        builder.Property(o => o.ProvinceCode).HasMaxLength(2);
        builder.Property(o => o.DistrictCode).HasMaxLength(4);
        builder.HasIndex(o => new { o.Kind, o.ProvinceCode });
        builder.Property(o => o.LetterCodePrefix).HasMaxLength(40);
        builder.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.ConcurrencyToken).IsConcurrencyToken();
    }
}
