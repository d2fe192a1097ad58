using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Submissions.Routing;

namespace SmartCity.Portal.Core.Tests.Submissions;

public sealed class RoutingRuleTests
{
    /// <summary>DESIGN.md 2 and 4: ตำบล reports pass the district; นคร and เมือง go straight to the province.</summary>
    public static TheoryData<MunicipalityClass, Tier, Tier> DefaultTable => new()
    {
        { MunicipalityClass.City, Tier.Municipality, Tier.Province },
        { MunicipalityClass.City, Tier.District, Tier.Province },
        { MunicipalityClass.City, Tier.Province, Tier.Dla },
        { MunicipalityClass.Town, Tier.Municipality, Tier.Province },
        { MunicipalityClass.Town, Tier.District, Tier.Province },
        { MunicipalityClass.Town, Tier.Province, Tier.Dla },
        { MunicipalityClass.Subdistrict, Tier.Municipality, Tier.District },
        { MunicipalityClass.Subdistrict, Tier.District, Tier.Province },
        { MunicipalityClass.Subdistrict, Tier.Province, Tier.Dla },
    };

    [Theory]
    [MemberData(nameof(DefaultTable))]
    public void Default_rule_hands_each_class_on_to_the_next_tier(MunicipalityClass municipalityClass, Tier from, Tier expected) =>
        Assert.Equal(expected, RoutingRule.Default.Next(municipalityClass, from));

    [Theory]
    [InlineData(MunicipalityClass.City, Tier.Dla)]
    [InlineData(MunicipalityClass.Town, Tier.Dla)]
    [InlineData(MunicipalityClass.Subdistrict, Tier.Dla)]
    [InlineData(MunicipalityClass.City, Tier.Admin)]
    [InlineData(MunicipalityClass.Subdistrict, Tier.Admin)]
    public void Nothing_comes_after_DLA_or_the_admin(MunicipalityClass municipalityClass, Tier from) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RoutingRule.Default.Next(municipalityClass, from));

    [Theory]
    [InlineData(MunicipalityClass.City, false)]
    [InlineData(MunicipalityClass.Town, false)]
    [InlineData(MunicipalityClass.Subdistrict, true)]
    public void Default_rule_says_which_classes_pass_the_district(MunicipalityClass municipalityClass, bool expected) =>
        Assert.Equal(expected, RoutingRule.Default.PassesDistrict(municipalityClass));

    [Fact]
    public void A_custom_rule_sending_towns_via_the_district_changes_only_towns()
    {
        var rule = new RoutingRule(new Dictionary<MunicipalityClass, bool>
        {
            [MunicipalityClass.City] = false,
            [MunicipalityClass.Town] = true,
            [MunicipalityClass.Subdistrict] = true,
        });

        Assert.Equal(Tier.District, rule.Next(MunicipalityClass.Town, Tier.Municipality));
        Assert.Equal(Tier.Province, RoutingRule.Default.Next(MunicipalityClass.Town, Tier.Municipality));
        Assert.Equal(Tier.Province, rule.Next(MunicipalityClass.City, Tier.Municipality));
        Assert.Equal(Tier.District, rule.Next(MunicipalityClass.Subdistrict, Tier.Municipality));
        Assert.Equal(Tier.Province, rule.Next(MunicipalityClass.Town, Tier.District));
        Assert.NotEqual(RoutingRule.Default, rule);
    }

    [Fact]
    public void A_class_missing_from_the_rule_goes_straight_to_the_province()
    {
        var rule = new RoutingRule(new Dictionary<MunicipalityClass, bool> { [MunicipalityClass.Subdistrict] = true });

        Assert.Equal(Tier.Province, rule.Next(MunicipalityClass.City, Tier.Municipality));
        Assert.Equal(Tier.Province, rule.Next(MunicipalityClass.Town, Tier.Municipality));
        Assert.Equal(Tier.District, rule.Next(MunicipalityClass.Subdistrict, Tier.Municipality));
        // Equality is by meaning, so the stored JSON may or may not list the false entries.
        Assert.Equal(RoutingRule.Default, rule);
        Assert.Equal(RoutingRule.Default.GetHashCode(), rule.GetHashCode());
    }
}
