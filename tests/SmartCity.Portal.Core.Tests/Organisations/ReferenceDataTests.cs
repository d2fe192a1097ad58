using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Core.Tests.Organisations;

/// <summary>The corrections of the source's quirks (docs/decisions/0005), without a database.</summary>
public sealed class ReferenceDataTests
{
    [Fact]
    public void Lists_76_provinces_and_877_districts_outside_Bangkok()
    {
        Assert.Equal(76, ReferenceData.Provinces.Count);
        Assert.Equal(877, ReferenceData.Districts.Count);
        Assert.DoesNotContain(ReferenceData.Provinces, p => p.Code == ReferenceData.BangkokCode);
        Assert.DoesNotContain(ReferenceData.Districts, d => d.ProvinceCode == ReferenceData.BangkokCode);
        Assert.All(ReferenceData.Districts, d => Assert.Contains(ReferenceData.Provinces, p => p.Code == d.ProvinceCode));
    }

    [Theory]
    [InlineData("97", "38")]
    [InlineData("38", "38")]
    [InlineData("81", "81")]
    public void Bueng_Kan_source_code_97_becomes_38(string source, string expected)
    {
        Assert.Equal(expected, ReferenceDataCorrections.ProvinceCode(source));
    }

    [Fact]
    public void A_code_less_district_without_a_known_correction_fails_loudly()
    {
        Assert.Throws<InvalidDataException>(() => ReferenceDataCorrections.MissingDistrictCode("81", "อำเภอที่ไม่มีจริง"));
        Assert.Equal("4504", ReferenceDataCorrections.MissingDistrictCode("45", "จตุรพักตร์พิมาน"));
        Assert.Equal("5025", ReferenceDataCorrections.MissingDistrictCode("50", "กัลยาณิวัฒนา"));
    }
}
