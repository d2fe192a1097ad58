using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FieldPath).HasMaxLength(Attachment.FieldPathMaxLength);
        builder.Property(a => a.OriginalFileName).HasMaxLength(Attachment.OriginalFileNameMaxLength);
        builder.Property(a => a.StoredFileName).HasMaxLength(64);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.UploadedByUserName).HasMaxLength(256);
        builder.HasIndex(a => new { a.SubmissionId, a.FieldPath });
        builder.HasOne<Submission>().WithMany().HasForeignKey(a => a.SubmissionId).OnDelete(DeleteBehavior.Restrict);
    }
}
