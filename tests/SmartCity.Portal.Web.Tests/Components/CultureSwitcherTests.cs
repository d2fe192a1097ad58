using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Web.Components.Layout;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Components;

public sealed class CultureSwitcherTests : PortalComponentTest
{
    public CultureSwitcherTests()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/district?tab=people");
    }

    [Fact]
    public void Under_Thai_the_Thai_button_is_disabled_and_EN_links_to_the_English_switch()
    {
        using var thai = new CultureScope("th-TH");

        var switcher = Render<CultureSwitcher>();

        var th = switcher.Find("[data-testid=culture-th]");
        var en = switcher.Find("[data-testid=culture-en]");
        Assert.True(IsDisabled(th), th.OuterHtml);
        Assert.False(IsDisabled(en), en.OuterHtml);
        Assert.Equal("/culture/en-US?returnUrl=%2Fdistrict%3Ftab%3Dpeople", en.GetAttribute("href"));
    }

    [Fact]
    public void Under_English_the_EN_button_is_disabled_and_Thai_links_to_the_Thai_switch()
    {
        using var english = new CultureScope("en-US");

        var switcher = Render<CultureSwitcher>();

        var th = switcher.Find("[data-testid=culture-th]");
        var en = switcher.Find("[data-testid=culture-en]");
        Assert.True(IsDisabled(en), en.OuterHtml);
        Assert.False(IsDisabled(th), th.OuterHtml);
        Assert.Equal("/culture/th-TH?returnUrl=%2Fdistrict%3Ftab%3Dpeople", th.GetAttribute("href"));
    }

    // MudButton renders a disabled link as a disabled button (or an aria-disabled anchor, by version).
    private static bool IsDisabled(AngleSharp.Dom.IElement element) =>
        element.HasAttribute("disabled") || element.GetAttribute("aria-disabled") == "true";
}
