using ClosedXML.Excel;
using Microsoft.Playwright;
using SmartCity.Portal.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SmartCity.Portal.E2E.Journeys;

/// <summary>
/// Issue 5, deadline day: the district forwards its reports in one step, the province records
/// the paper copies, dispatches three reports to DLA under one letter number, DLA records the
/// receipt; the DLA dashboard follows live and the tracker downloads as a real .xlsx.
/// </summary>
[Collection(DeadlineDayJourneys.Name)]
public sealed class DeadlineDayJourneyTests(PortalServer server, ChromiumBrowser chromium) : BrowserJourney(server, chromium)
{
    private const string AtDistrict = "ส่งถึงอำเภอแล้ว";
    private const string AtProvince = "ส่งถึงจังหวัดแล้ว";

    [Fact]
    public async Task District_forwards_in_bulk_province_records_paper_copies_and_dispatches_to_DLA()
    {
        // Before the day: two ตำบล of district 8101 and the town municipality have submitted.
        using (var api = new PortalApi(Server.BaseAddress))
        {
            await api.SubmitReportAsync("muni-810116");
            await api.SubmitReportAsync("muni-810103");
            await api.SubmitReportAsync("muni-810101");
        }

        // The district ticks both of its reports and forwards them in one step.
        await SignInAsync("district-8101", "/district");
        await OpenAsync(Page, "/inbox");
        await Expect(InboxState(Page, "810116")).ToHaveTextAsync(AtDistrict);
        await Expect(InboxState(Page, "810103")).ToHaveTextAsync(AtDistrict);
        await Page.Locator("input[data-testid=bulk-select-all]").CheckAsync();
        await Expect(Page.Locator("[data-testid=bulk-forward]")).ToContainTextAsync("(2)");
        await Page.Locator("[data-testid=bulk-forward]").ClickAsync();
        // It asks first, naming both reports and the office they go to.
        await Expect(Page.Locator("[data-testid=confirm-text]")).ToHaveTextAsync("ส่งต่อรายงาน 2 รายการต่อไปนี้ไปยัง สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดกระบี่?");
        await Expect(Page.Locator("[data-testid=confirm-item]")).ToHaveCountAsync(2);
        await Expect(Page.Locator("[data-testid=confirm-items]")).ToContainTextAsync("เทศบาลตำบลอ่าวนาง");
        await Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "ส่งต่อ", Exact = true }).ClickAsync();
        await Expect(Page.Locator("[data-testid=bulk-result-summary]")).ToHaveTextAsync("ส่งต่อแล้ว 2 รายการ ส่งไม่ได้ 0 รายการ");
        await Expect(InboxState(Page, "810116")).ToHaveTextAsync(AtProvince);
        await Expect(InboxState(Page, "810103")).ToHaveTextAsync(AtProvince);

        // The province: three reports held, none can go on before its paper copy is in.
        var province = await SignInAnotherUserAsync("province-81", "/province");
        await OpenAsync(province, "/inbox");
        foreach (var code in new[] { "810116", "810103", "810101" })
        {
            await Expect(InboxState(province, code)).ToHaveTextAsync(AtProvince);
            await Expect(province.Locator($"[data-testid=inbox-needs-paper][data-code='{code}']")).ToBeVisibleAsync();
            await RecordPaperCopyAsync(province, code);
            await Expect(province.Locator($"[data-testid=inbox-paper-received][data-code='{code}']")).ToBeVisibleAsync();
        }

        // DLA watches the national dashboard: Krabi holds three reports at the province, none at DLA yet.
        var dla = await SignInAnotherUserAsync("dla", "/dla");
        await OpenAsync(dla, "/dla/dashboard");
        await Expect(dla.Locator("[data-testid=dla-81-AtProvince]")).ToHaveAttributeAsync("data-count", "3");
        await Expect(dla.Locator("[data-testid=dla-81-AtDla]")).ToHaveAttributeAsync("data-count", "0");

        // One letter carries all three to DLA, numbered from the province's send register, in Thai digits.
        await OpenAsync(province, "/province/dispatches");
        await Expect(province.Locator("input[data-testid=dispatch-candidate][data-enabled=true]")).ToHaveCountAsync(3);
        await province.Locator("input[data-testid=dispatch-select-all]").CheckAsync();
        await Expect(province.Locator("[data-testid=dispatch-create]")).ToHaveAttributeAsync("data-selected", "3");
        await province.Locator("[data-testid=dispatch-create]").ClickAsync();
        await province.Locator("[data-testid=dispatch-confirm]").ClickAsync();
        var result = province.Locator("[data-testid=dispatch-result]");
        await Expect(result).ToHaveAttributeAsync("data-letter-no", "กบ ๐๐๒๓.๓/๑");
        await Expect(province.Locator("input[data-testid=dispatch-candidate]")).ToHaveCountAsync(0);

        // The cover letter lists the three municipalities.
        await province.Locator("[data-testid=dispatch-letter-link]").ClickAsync();
        await Expect(province.Locator("[data-testid=letter-no]")).ToHaveTextAsync("กบ ๐๐๒๓.๓/๑");
        var letterRows = province.Locator("[data-testid=letter-row]");
        await Expect(letterRows).ToHaveCountAsync(3);
        foreach (var name in new[] { "เทศบาลตำบลอ่าวนาง", "เทศบาลตำบลกระบี่น้อย", "เทศบาลเมืองกระบี่" })
        {
            await Expect(province.Locator("[data-testid=letter-list]")).ToContainTextAsync(name);
        }

        // The open DLA dashboard has followed by itself: Krabi's three reports are now at DLA.
        await Expect(dla.Locator("[data-testid=dla-81-AtDla]")).ToHaveAttributeAsync("data-count", "3");
        await Expect(dla.Locator("[data-testid=dla-81-AtProvince]")).ToHaveAttributeAsync("data-count", "0");

        // The tracker downloads from the dashboard as a real workbook: one row per municipality of
        // the country (here the eight demo municipalities of Krabi), Thai intact, dates as dates.
        var download = await dla.RunAndWaitForDownloadAsync(() => dla.Locator("[data-testid=export-tracker]").ClickAsync());
        var file = Path.Combine(Server.DataDirectory, "tracker-download.xlsx");
        await download.SaveAsAsync(file);
        using (var workbook = new XLWorkbook(file))
        {
            var sheet = workbook.Worksheet(1);
            Assert.Equal("จังหวัด", sheet.Cell(1, 1).GetString());
            Assert.Equal("เทศบาล", sheet.Cell(1, 4).GetString());
            var rows = sheet.RowsUsed().Skip(1).ToList();
            Assert.Equal(8, rows.Count);
            var aoNang = rows.Single(r => r.Cell(3).GetString() == "810116");
            Assert.Equal("เทศบาลตำบลอ่าวนาง", aoNang.Cell(4).GetString());
            Assert.Equal("ส่งถึงกรมแล้ว", aoNang.Cell(6).GetString());
            Assert.Equal("กบ ๐๐๒๓.๓/๑", aoNang.Cell(13).GetString());
            Assert.Contains("07", aoNang.Cell(9).Style.NumberFormat.Format, StringComparison.Ordinal);
            Assert.True(aoNang.Cell(9).GetDouble() > 45000);
        }

        // Drill-down from the dashboard to one report: at DLA, forwarded under the letter number.
        await dla.Locator("[data-testid=dashboard-row-submission][data-code='810116']").ClickAsync();
        await dla.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/submissions/", StringComparison.Ordinal));
        await Expect(dla.Locator("[data-testid=submission-municipality]")).ToContainTextAsync("เทศบาลตำบลอ่าวนาง");
        await Expect(dla.Locator("[data-testid=submission-state]")).ToHaveTextAsync("ส่งถึงกรมแล้ว");
        await Expect(dla.Locator("[data-testid=history-row][data-action=forward]").Last).ToContainTextAsync("กบ ๐๐๒๓.๓/๑");

        // DLA sees the letter outstanding and records its arrival under its own receive number.
        await OpenAsync(dla, "/dla/dispatches");
        var receive = dla.Locator("[data-testid=dispatch-receive][data-letter-no='กบ ๐๐๒๓.๓/๑']");
        await Expect(receive).ToBeVisibleAsync();
        await receive.ClickAsync();
        await dla.Locator("[data-testid=receipt-confirm]").ClickAsync();
        await Expect(dla.Locator("[data-testid=receipt-result]")).ToHaveAttributeAsync("data-receive-no", new System.Text.RegularExpressions.Regex(@"^1/\d{4}$"));
        await Expect(dla.Locator("[data-testid=dispatch-receive]")).ToHaveCountAsync(0);
        await Expect(dla.Locator("[data-testid=dispatch-received-row]")).ToHaveCountAsync(1);
    }
}
