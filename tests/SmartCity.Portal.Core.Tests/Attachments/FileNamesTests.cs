using System.Text;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Core.Tests.Attachments;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("หลักฐานโครงการ.pdf", "หลักฐานโครงการ.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\a\\รูป.png", "รูป.png")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("a\u2066b\u2069c\u200E\u200F.pdf", "abc.pdf")]
    [InlineData("tab\tnew\nline.pdf", "tabnewline.pdf")]
    [InlineData("..", null)]
    [InlineData("../", null)]
    [InlineData("   ", null)]
    public void A_display_name_keeps_no_path_no_control_and_no_bidi_characters(string given, string? expected) =>
        Assert.Equal(expected, FileNames.Sanitise(given));

    [Fact]
    public void A_decomposed_Thai_name_is_stored_composed_and_a_long_one_keeps_its_extension()
    {
        // A name from a Mac arrives decomposed; shown and compared, it must be the composed form.
        var decomposed = "e\u0301tude.pdf";
        Assert.Equal("\u00E9tude.pdf", FileNames.Sanitise(decomposed));

        var longName = new string('ก', 400) + ".docx";
        var cleaned = FileNames.Sanitise(longName)!;
        Assert.Equal(255, cleaned.Length);
        Assert.EndsWith(".docx", cleaned, StringComparison.Ordinal);
        Assert.True(cleaned.IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, FileKind.Pdf)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xDB }, FileKind.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, FileKind.Png)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 }, null)]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 }, null)]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0 }, null)]
    [InlineData(new byte[0], null)]
    public void The_kind_comes_from_the_first_bytes(byte[] head, FileKind? expected)
    {
        using var stream = new MemoryStream(head);
        Assert.Equal(expected, FileSniffer.Sniff(stream));
    }
}
