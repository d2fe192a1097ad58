using System.Globalization;
using MudBlazor;
using SmartCity.Portal.Web.Localization;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Components;

/// <summary>
/// The office dialogs' date pickers use <see cref="PortalCultures.DateInput"/>: in Thai the year is typed and
/// shown in the Buddhist era, as on every letter; with the English switch it is Gregorian.
/// </summary>
public sealed class DateInputCultureTests : PortalComponentTest
{
    [Fact]
    public void In_Thai_a_picker_shows_and_reads_the_Buddhist_era_year()
    {
        using var thai = new CultureScope("th-TH");
        var picker = Render<MudDatePicker>(p => p
            .Add(c => c.Date, new DateTime(2026, 11, 26)).Add(c => c.Culture, PortalCultures.DateInput())
            .Add(c => c.DateFormat, "dd/MM/yyyy").Add(c => c.Editable, true));

        Assert.Equal("26/11/2569", picker.Find("input").GetAttribute("value"));
        picker.Find("input").Change("01/12/2569");
        Assert.Equal(new DateTime(2026, 12, 1), picker.Instance.Date);
    }

    [Fact]
    public void With_the_English_switch_the_year_is_Gregorian()
    {
        using var english = new CultureScope("en-US");
        var picker = Render<MudDatePicker>(p => p
            .Add(c => c.Date, new DateTime(2026, 11, 26)).Add(c => c.Culture, PortalCultures.DateInput())
            .Add(c => c.DateFormat, "dd/MM/yyyy").Add(c => c.Editable, true));

        Assert.Equal("26/11/2026", picker.Find("input").GetAttribute("value"));
        Assert.Same(CultureInfo.InvariantCulture, PortalCultures.DateInput());
    }
}
