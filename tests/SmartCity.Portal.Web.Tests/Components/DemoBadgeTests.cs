using SmartCity.Portal.Web.Components.Shared;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Components;

public sealed class DemoBadgeTests : PortalComponentTest
{
    [Fact]
    public void Shown_it_says_demo_data_in_Thai()
    {
        using var thai = new CultureScope("th-TH");

        var badge = Render<DemoBadge>(p => p.Add(b => b.Show, true));

        Assert.Contains("ข้อมูลสาธิต", badge.Markup, StringComparison.Ordinal);
        Assert.NotNull(badge.Find(".demo-badge"));
    }

    [Fact]
    public void Shown_under_English_it_says_demo_data()
    {
        using var english = new CultureScope("en-US");

        var badge = Render<DemoBadge>(p => p.Add(b => b.Show, true));

        Assert.Contains("Demo data", badge.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("th-TH", "ข้อมูลสังเคราะห์")]
    [InlineData("en-US", "Synthetic data")]
    public void A_synthetic_row_says_synthetic_data(string culture, string text)
    {
        using var scope = new CultureScope(culture);

        var badge = Render<DemoBadge>(p => p.Add(b => b.Synthetic, true));

        Assert.Contains(text, badge.Markup, StringComparison.Ordinal);
        Assert.NotNull(badge.Find(".synthetic-badge"));
        Assert.Empty(badge.FindAll(".demo-badge"));
    }

    [Fact]
    public void Not_shown_it_renders_nothing()
    {
        var badge = Render<DemoBadge>(p => p.Add(b => b.Show, false));

        Assert.Equal(string.Empty, badge.Markup.Trim());
    }
}
