using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using SmartCity.Portal.Common;
using SmartCity.Portal.Registers;
using SmartCity.Portal.Web.Features.Registers;
using SmartCity.Portal.Web.Features.Submissions;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Components;

/// <summary>
/// Issue 10 items 1 and 4: the offices' date fields (paper copy, dispatch letter, DLA receipt, extension) say พ.ศ.
/// on their label, refuse a year in the wrong era or outside the register window with what to type, and take
/// "today" from Bangkok: at 02:00 on 4 December in Bangkok the server's UTC clock still says 3 December.
/// </summary>
public sealed class OfficeDateFieldTests : PortalComponentTest
{
    private static readonly DateTimeOffset AfterMidnightBangkok = new(2026, 12, 3, 19, 0, 0, TimeSpan.Zero);

    private IRenderedComponent<MudPopoverProvider>? _popovers;
    private IRenderedComponent<MudDialogProvider>? _dialogs;

    public OfficeDateFieldTests()
    {
        // As the host registers it (AddPortalCore): the instants of a clock, with Bangkok as local time.
        Services.AddSingleton<TimeProvider>(new BangkokTimeProvider(new FakeTimeProvider(AfterMidnightBangkok)));
    }

    [Fact]
    public async Task The_paper_copy_date_says_BE_refuses_a_Gregorian_year_with_what_to_type_and_takes_a_Buddhist_one()
    {
        using var thai = new CultureScope("th-TH");
        var dialogs = await ShowAsync<PaperCopyDialog>(new DialogParameters<PaperCopyDialog> { { d => d.Municipality, "เทศบาลตำบลอ่าวนาง" } });
        var field = dialogs.Find("[data-testid=paper-copy-date]");

        Assert.Contains("วันที่รับเอกสาร (วว/ดด/ปปปป พ.ศ.)", field.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ค.ศ.", field.TextContent, StringComparison.Ordinal);
        // Today is 4 December 2569 in Bangkok, whatever the UTC date.
        Assert.Equal("04/12/2569", dialogs.Find("[data-testid=paper-copy-date] input").GetAttribute("value"));
        Assert.Equal("4 ธันวาคม 2569", dialogs.Find("[data-testid=paper-copy-preview]").TextContent.Trim());

        // The officer follows a Gregorian habit: 2026 in a พ.ศ. field would be 1483 and open register year 2026.
        dialogs.Find("[data-testid=paper-copy-date] input").Change("04/12/2026");

        dialogs.WaitForAssertion(() => Assert.Contains(
            "ปี 2026 เป็นปี ค.ศ. แต่ช่องนี้ใช้ปี พ.ศ. กรุณากรอกเป็น วัน/เดือน/ปี พ.ศ. เช่น 04/12/2569", dialogs.Find("[data-testid=paper-copy-date]").TextContent, StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("[data-testid=paper-copy-preview]"));
        Assert.True(dialogs.Find("[data-testid=paper-copy-confirm]").HasAttribute("disabled"));

        // Too far back is refused with the window; a date in it is taken and read back in full.
        dialogs.Find("[data-testid=paper-copy-date] input").Change("01/01/2569");
        dialogs.WaitForAssertion(() => Assert.Contains("ย้อนหลังได้ไม่เกิน 60 วัน", dialogs.Find("[data-testid=paper-copy-date]").TextContent, StringComparison.Ordinal));
        Assert.True(dialogs.Find("[data-testid=paper-copy-confirm]").HasAttribute("disabled"));

        dialogs.Find("[data-testid=paper-copy-date] input").Change("02/12/2569");
        dialogs.WaitForAssertion(() => Assert.Equal("2 ธันวาคม 2569", dialogs.Find("[data-testid=paper-copy-preview]").TextContent.Trim()));
        Assert.DoesNotContain("ย้อนหลัง", dialogs.Find("[data-testid=paper-copy-date]").TextContent, StringComparison.Ordinal);
        Assert.Contains("เช่น วันนี้คือ 04/12/2569", dialogs.Find("[data-testid=paper-copy-date]").TextContent, StringComparison.Ordinal);
        Assert.False(dialogs.Find("[data-testid=paper-copy-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task With_the_English_switch_a_Buddhist_year_is_named_and_the_label_says_the_format()
    {
        using var english = new CultureScope("en-US");
        var dialogs = await ShowAsync<PaperCopyDialog>(new DialogParameters<PaperCopyDialog> { { d => d.Municipality, "Ao Nang" } });

        Assert.Contains("Date received (dd/mm/yyyy)", dialogs.Find("[data-testid=paper-copy-date]").TextContent, StringComparison.Ordinal);
        Assert.Equal("04/12/2026", dialogs.Find("[data-testid=paper-copy-date] input").GetAttribute("value"));
        dialogs.Find("[data-testid=paper-copy-date] input").Change("04/12/2569");

        dialogs.WaitForAssertion(() => Assert.Contains(
            "2569 is a Buddhist-era year, but this field takes the Gregorian (AD) year: type 04/12/2026", dialogs.Find("[data-testid=paper-copy-date]").TextContent, StringComparison.Ordinal));
        Assert.True(dialogs.Find("[data-testid=paper-copy-confirm]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_dispatch_letter_and_receipt_dates_and_the_extension_say_BE_and_refuse_a_Gregorian_year()
    {
        using var thai = new CultureScope("th-TH");
        var letter = await ShowAsync<DispatchDateDialog>(new DialogParameters<DispatchDateDialog>
        {
            { d => d.TestId, "dispatch" }, { d => d.DateLabel, "ลงวันที่" }, { d => d.ConfirmText, "ออกเลข" },
        });
        Assert.Contains("ลงวันที่ (วว/ดด/ปปปป พ.ศ.)", letter.Find("[data-testid=dispatch-date]").TextContent, StringComparison.Ordinal);
        letter.Find("[data-testid=dispatch-date] input").Change("04/12/2026");
        letter.WaitForAssertion(() => Assert.Contains("เป็นปี ค.ศ.", letter.Find("[data-testid=dispatch-date]").TextContent, StringComparison.Ordinal));
        Assert.True(letter.Find("[data-testid=dispatch-confirm]").HasAttribute("disabled"));
        // Tomorrow (in Bangkok) is the future for a letter.
        letter.Find("[data-testid=dispatch-date] input").Change("05/12/2569");
        letter.WaitForAssertion(() => Assert.Contains(DispatchMessages.LetterDateInFuture.Th, letter.Find("[data-testid=dispatch-date]").TextContent, StringComparison.Ordinal));

        // The other dialogs open beside it (each its own test ids), as DLA's receipt and an extension would.
        var receipt = await ShowAsync<DispatchDateDialog>(new DialogParameters<DispatchDateDialog>
        {
            { d => d.TestId, "receipt" }, { d => d.DateLabel, "วันที่รับ" }, { d => d.ConfirmText, "บันทึกรับ" },
            { d => d.Kind, RegisterDateKind.DispatchReceived }, { d => d.MinDate, new DateTime(2026, 12, 2) },
        });
        Assert.Contains("วันที่รับ (วว/ดด/ปปปป พ.ศ.)", receipt.Find("[data-testid=receipt-date]").TextContent, StringComparison.Ordinal);
        receipt.Find("[data-testid=receipt-date] input").Change("01/12/2569");
        receipt.WaitForAssertion(() => Assert.Contains(DispatchMessages.ReceivedBeforeLetter.Th, receipt.Find("[data-testid=receipt-date]").TextContent, StringComparison.Ordinal));

        var extend = await ShowAsync<ExtendDialog>(new DialogParameters<ExtendDialog>
        {
            { d => d.Municipality, "เทศบาลตำบลอ่าวนาง" }, { d => d.CurrentDeadlineUtc, new DateTime(2026, 12, 10, 9, 30, 0, DateTimeKind.Utc) },
        });
        Assert.Contains("วันที่กำหนดส่งใหม่ (วว/ดด/ปปปป พ.ศ.)", extend.Find("[data-testid=extend-date]").TextContent, StringComparison.Ordinal);
        Assert.Equal("11/12/2569", extend.Find("[data-testid=extend-date] input").GetAttribute("value"));
        extend.Find("[data-testid=extend-date] input").Change("11/12/2026");
        extend.WaitForAssertion(() => Assert.Contains("เป็นปี ค.ศ.", extend.Find("[data-testid=extend-date]").TextContent, StringComparison.Ordinal));
        Assert.Empty(extend.FindAll("[data-testid=extend-preview]"));
    }

    [Fact]
    public void DLAs_campaign_dates_say_BE_and_refuse_a_Gregorian_year_too()
    {
        using var thai = new CultureScope("th-TH");
        var input = Render<SmartCity.Portal.Web.Features.Campaigns.BuddhistDateTimeInput>(p => p.Add(x => x.TestId, "deadline").Add(x => x.ShowTime, false));

        Assert.Contains("พ.ศ.", input.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("ค.ศ.", input.Markup, StringComparison.Ordinal);
        input.Find("#deadline-date").Change("15/01/2027");

        input.WaitForAssertion(() => Assert.Contains("true", input.Find("#deadline-date").GetAttribute("aria-invalid"), StringComparison.Ordinal));
        Assert.Empty(input.FindAll("[data-testid=deadline-preview]"));
    }

    [Fact]
    public async Task The_calendar_circles_today_in_Bangkok_not_the_UTC_date()
    {
        using var thai = new CultureScope("th-TH");
        var dialogs = await ShowAsync<PaperCopyDialog>(new DialogParameters<PaperCopyDialog> { { d => d.Municipality, "เทศบาลตำบลอ่าวนาง" } });
        // Another day chosen, so that the circle of today is not hidden under the selection.
        dialogs.Find("[data-testid=paper-copy-date] input").Change("01/12/2569");
        var picker = dialogs.FindComponent<MudDatePicker>();

        await dialogs.InvokeAsync(picker.Instance.OpenAsync);

        var popovers = _popovers!;
        popovers.WaitForAssertion(() => Assert.Equal("4", Assert.Single(popovers.FindAll(".mud-current")).TextContent.Trim()));
    }

    /// <summary>Opens the dialog as a page does, in the one dialog provider of this test (popovers for the pickers).</summary>
    private async Task<IRenderedComponent<MudDialogProvider>> ShowAsync<T>(DialogParameters<T> parameters)
        where T : IComponent
    {
        _popovers ??= Render<MudPopoverProvider>();
        _dialogs ??= Render<MudDialogProvider>();
        var provider = _dialogs;
        var count = provider.FindAll(".mud-dialog").Count;
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<T>("ทดสอบ", parameters));
        provider.WaitForAssertion(() => Assert.Equal(count + 1, provider.FindAll(".mud-dialog").Count));
        return provider;
    }
}
