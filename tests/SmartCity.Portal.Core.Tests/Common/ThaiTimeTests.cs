using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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

    [Theory]
    [InlineData(2026, 12, 3, 16, 59, 2026, 12, 3)]
    [InlineData(2026, 12, 3, 17, 0, 2026, 12, 4)]
    [InlineData(2026, 12, 3, 19, 0, 2026, 12, 4)]
    [InlineData(2026, 12, 31, 17, 0, 2027, 1, 1)]
    public void Today_is_the_Bangkok_date_whatever_the_UTC_date(int y, int mo, int d, int h, int mi, int ty, int tmo, int td)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(y, mo, d, h, mi, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(ty, tmo, td), ThaiTime.Today(clock));
    }

    [Fact]
    public void The_portal_clock_tells_local_time_as_Bangkok_time_to_whatever_asks()
    {
        // 02:00 on 4 December in Bangkok, 19:00 on 3 December in UTC: a date picker asks GetLocalNow() for "today".
        var inner = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 19, 0, 0, TimeSpan.Zero));
        var clock = new BangkokTimeProvider(inner);

        Assert.Equal(TimeSpan.FromHours(7), clock.LocalTimeZone.GetUtcOffset(DateTime.UtcNow));
        Assert.Equal(new DateTime(2026, 12, 4), clock.GetLocalNow().Date);
        Assert.Equal(inner.GetUtcNow(), clock.GetUtcNow());
        inner.Advance(TimeSpan.FromHours(1));
        Assert.Equal(inner.GetUtcNow(), clock.GetUtcNow());
        Assert.Equal(new DateOnly(2026, 12, 4), ThaiTime.Today(clock));
    }

    [Fact]
    public void The_portal_registers_the_Bangkok_clock()
    {
        var services = new ServiceCollection();
        services.AddPortalCore();
        using var provider = services.BuildServiceProvider();

        var clock = provider.GetRequiredService<TimeProvider>();

        Assert.IsType<BangkokTimeProvider>(clock);
        Assert.Equal(TimeSpan.FromHours(7), clock.LocalTimeZone.BaseUtcOffset);
    }
}
