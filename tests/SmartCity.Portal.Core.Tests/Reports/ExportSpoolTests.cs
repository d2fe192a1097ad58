using SmartCity.Portal.Reports;

namespace SmartCity.Portal.Core.Tests.Reports;

/// <summary>A workbook half-written when the process died is removed at the next start; one being written is not.</summary>
public sealed class ExportSpoolTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), $"smartcity-spool-{Guid.NewGuid():N}");

    [Fact]
    public void Leftovers_older_than_an_hour_are_removed_and_younger_files_stay()
    {
        var now = new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Utc);
        var folder = Path.Combine(_data, "tmp", "exports");
        Directory.CreateDirectory(folder);
        var old = Path.Combine(folder, "crashed.xlsx");
        var young = Path.Combine(folder, "writing.xlsx");
        File.WriteAllBytes(old, [1, 2, 3]);
        File.WriteAllBytes(young, [1, 2, 3]);
        File.SetLastWriteTimeUtc(old, now - TimeSpan.FromHours(2));
        File.SetLastWriteTimeUtc(young, now - TimeSpan.FromMinutes(5));

        var removed = ExportSpool.RemoveLeftovers(_data, now);

        Assert.Equal(1, removed);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(young));
    }

    [Fact]
    public void A_data_folder_without_exports_is_left_alone()
    {
        Assert.Equal(0, ExportSpool.RemoveLeftovers(_data, DateTime.UtcNow));
        Assert.False(Directory.Exists(_data));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
