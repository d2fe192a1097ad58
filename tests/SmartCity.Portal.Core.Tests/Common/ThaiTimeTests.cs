using SmartCity.Portal.Common;

namespace SmartCity.Portal.Core.Tests.Common;

public sealed class ThaiTimeTests
{
    private static readonly DateTime MorningUtc = new(2024, 8, 16, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Formats_a_date_in_Thai_with_the_Buddhist_year()
    {
        Assert.Equal("16 สิงหาคม 2567", ThaiTime.FormatDate(MorningUtc));
    }

    [Fact]
    public void Formats_a_date_and_time_in_Bangkok_time()
    {
        Assert.Equal("16 สิงหาคม 2567 เวลา 16:30 น.", ThaiTime.FormatDateTime(MorningUtc));
    }

    [Fact]
    public void Formats_in_English_with_the_Buddhist_year()
    {
        Assert.Equal("16 August 2567 BE", ThaiTime.FormatDate(MorningUtc, english: true));
        Assert.Equal("16 August 2567 BE, 16:30", ThaiTime.FormatDateTime(MorningUtc, english: true));
    }

    [Fact]
    public void Converts_a_Bangkok_wall_clock_time_to_UTC()
    {
        var utc = ThaiTime.FromBangkok(new DateTime(2024, 8, 16, 16, 30, 0));

        Assert.Equal(new DateTime(2024, 8, 16, 9, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(2024, 8, 16, 16, 30, 0), ThaiTime.ToBangkok(utc));
    }

    [Fact]
    public void Late_evening_UTC_on_new_years_eve_is_already_next_year_in_Bangkok()
    {
        var utc = new DateTime(2024, 12, 31, 17, 0, 0, DateTimeKind.Utc);

        Assert.Equal("1 มกราคม 2568", ThaiTime.FormatDate(utc));
        Assert.Equal("1 มกราคม 2568 เวลา 00:00 น.", ThaiTime.FormatDateTime(utc));
        Assert.Equal(2568, ThaiTime.BuddhistYear(utc));
        Assert.Equal(2567, ThaiTime.BuddhistYear(utc.AddSeconds(-1)));
    }

    [Fact]
    public void A_value_read_back_from_the_database_without_a_kind_is_treated_as_UTC()
    {
        var unspecified = DateTime.SpecifyKind(MorningUtc, DateTimeKind.Unspecified);

        Assert.Equal(ThaiTime.FormatDateTime(MorningUtc), ThaiTime.FormatDateTime(unspecified));
    }
}
