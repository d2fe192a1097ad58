using System.Text;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Accounts;
using SmartCity.Portal.Common;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Accounts;

/// <summary>Account lists from .csv and .xlsx: the dry-run report names each bad row and column in Thai; apply is all or nothing and idempotent.</summary>
public sealed class UserImportTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private readonly AccountTestServices services = new(database, database.Clock);

    private const string Header = "user_name,display_name,email,office_code,role";

    private static MemoryStream Csv(string text, bool bom) =>
        new([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)]);

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task The_dry_run_reports_every_kind_of_bad_row_in_Thai_and_writes_nothing()
    {
        var u = Unique();
        var csv = string.Join("\r\n",
            Header,
            $"ok-{u},นายสมชาย ใจดี,ok-{u}@example.go.th,8101,District.Officer",     // 2 added
            $"ok-{u},นายสมชาย  ใจดี ,OK-{u}@example.go.th,๘๑๐๒,",                   // 3 added (stray spaces, Thai digits, role by office kind)
            $"dup-{u},นายซ้ำ,,8101,District.Officer",                                // 4 refused with its duplicate
            $"dup-{u},นายซ้ำ,,8101,District.Officer",                                // 5 duplicate
            $"BAD NAME {u},ชื่อ,,8101,District.Officer",                             // 6 user name
            $"noname-{u},   ,,8101,District.Officer",                                // 7 empty name
            $"mail-{u},ชื่อ,not-an-email,8101,District.Officer",                     // 8 e-mail
            $"office-{u},ชื่อ,,9999,District.Officer",                               // 9 unknown office
            $"role-{u},ชื่อ,,8101,Wizard",                                            // 10 unknown role
            $"fit-{u},ชื่อ,,810116,District.Officer",                                // 11 role does not fit
            $"formula-{u},=HYPERLINK(\"x\"),,8101,District.Officer",                  // 12 formula
            "district-8101,ชื่อใหม่,,8101,District.Officer",                          // 13 changed (existing demo account)
            "district-8102,,,8102,District.Officer",                                 // 14 empty name for an existing account
            $"other-{u},นายอื่น,ok-{u}@example.go.th,8103,");                        // 15 e-mail of another user in the file
        var before = await CountAsync();

        var report = await services.Imports.DryRunAsync(await database.SignInAsync("admin"), Csv(csv, bom: true));

        Assert.False(report.Applied);
        Assert.Equal(ImportRowStatus.Added, Row(report, 2).Status);
        Assert.Equal(ImportRowStatus.Added, Row(report, 3).Status);
        Assert.Equal(PortalRoles.DistrictOfficer, Row(report, 3).Role);
        Assert.Equal("8102", Row(report, 3).OfficeCode);
        Assert.Equal("นายสมชาย ใจดี", Row(report, 3).DisplayName);
        // A person with a refused row is refused whole.
        Assert.Equal(ImportRowStatus.Refused, Row(report, 4).Status);
        Assert.Equal("other-row-refused", Code(report, 4, "user_name"));
        Assert.Equal("duplicate-row", Code(report, 5, "office_code"));
        Assert.Equal("user-name-invalid", Code(report, 6, "user_name"));
        Assert.Equal("display-name-required", Code(report, 7, "display_name"));
        Assert.Equal("email-invalid", Code(report, 8, "email"));
        Assert.Equal("office-not-found", Code(report, 9, "office_code"));
        Assert.Equal("unknown-role", Code(report, 10, "role"));
        Assert.Equal("role-office-mismatch", Code(report, 11, "role"));
        Assert.Equal("cell-formula", Code(report, 12, "display_name"));
        Assert.Equal(ImportRowStatus.Changed, Row(report, 13).Status);
        Assert.Equal("display-name-required", Code(report, 14, "display_name"));
        Assert.Equal("email-in-file", Code(report, 15, "email"));
        Assert.All(report.Rows.SelectMany(r => r.Messages), m => Assert.Matches("[\u0E00-\u0E7F]", m.Message.Th));
        Assert.Equal(before, await CountAsync());
        Assert.Equal(report.Rows.Count, report.Added + report.Changed + report.Unchanged + report.Refused);

        var refused = await Assert.ThrowsAsync<UserImportRefusedException>(() =>
            services.Imports.ApplyAsync(database.SignInAsync("admin").Result, Csv(csv, bom: false), "bad.csv"));
        Assert.Equal(report.Refused, refused.Report.Refused);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Applying_the_same_file_twice_changes_nothing_the_second_time()
    {
        var u = Unique();
        var csv = string.Join("\n", Header,
            $"a-{u},นางสาววิภาวดี รักษ์ถิ่น,a-{u}@example.go.th,810116,",
            $"b-{u},นายประเสริฐ ทองคำ,,8101,District.Officer",
            $"b-{u},นายประเสริฐ ทองคำ,,81,Province.Officer");
        var admin = await database.SignInAsync("admin");

        var first = await services.Imports.ApplyAsync(admin, Csv(csv, bom: false), "list.csv");
        Assert.Equal((3, 0, 0), (first.Added, first.Changed, first.Refused));
        Assert.NotNull(first.Rows.Single(r => r.UserName == $"a-{u}").SetPasswordUrl);
        var events = await EventCountAsync();
        var links = await LinkCountAsync();

        var second = await services.Imports.ApplyAsync(admin, Csv(csv, bom: true), "list.csv");
        Assert.Equal((0, 0, 3), (second.Added, second.Changed, second.Unchanged));
        Assert.All(second.Rows, r => Assert.Null(r.SetPasswordUrl));
        Assert.Equal(links, await LinkCountAsync());
        // Only the import's own summary is recorded; no account changed.
        Assert.Equal(events + 1, await EventCountAsync());

        await using var db = database.CreateContext();
        var b = await db.Users.SingleAsync(x => x.UserName == $"b-{u}");
        Assert.Equal(2, await db.Memberships.CountAsync(m => m.UserId == b.Id));
    }

    [Fact]
    public async Task A_workbook_with_merged_cells_and_formulas_is_reported_by_row_and_column()
    {
        var u = Unique();
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("accounts");
        string[] header = ["user_name", "display_name", "email", "office_code", "role"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }

        sheet.Cell(2, 1).Value = $"x1-{u}";
        sheet.Cell(2, 2).Value = "นายหนึ่ง";
        sheet.Cell(2, 4).SetValue("8103");
        sheet.Cell(3, 1).Value = $"x2-{u}";
        sheet.Cell(3, 2).FormulaA1 = "=B2";
        sheet.Cell(3, 4).SetValue("8103");
        sheet.Cell(4, 1).Value = $"x3-{u}";
        sheet.Cell(4, 2).Value = "นายสาม";
        sheet.Cell(4, 4).Value = 8103; // a number, as Excel keeps typed codes
        sheet.Range(5, 2, 6, 2).Merge();
        sheet.Cell(5, 1).Value = $"x4-{u}";
        sheet.Cell(5, 2).Value = "นายสี่";
        sheet.Cell(5, 4).SetValue("8103");
        sheet.Cell(6, 1).Value = $"x5-{u}";
        sheet.Cell(6, 4).SetValue("8103");
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var report = await services.Imports.DryRunAsync(await database.SignInAsync("admin"), file);

        Assert.Equal(ImportRowStatus.Added, Row(report, 2).Status);
        Assert.Equal("cell-formula", Code(report, 3, "display_name"));
        Assert.Equal(ImportRowStatus.Added, Row(report, 4).Status);
        Assert.Equal("8103", Row(report, 4).OfficeCode);
        Assert.Equal("cell-merged", Code(report, 5, "display_name"));
        Assert.Equal("cell-merged", Code(report, 6, "display_name"));

        using var excel = new MemoryStream();
        await services.Imports.WriteReportAsync(report, excel);
        excel.Position = 0;
        using var reopened = new XLWorkbook(excel);
        var ws = reopened.Worksheet(1);
        Assert.Equal("แถว", ws.Cell(1, 1).GetString());
        Assert.Equal("ไม่ผ่าน", ws.Cell(3, 7).GetString());
        Assert.Contains("[display_name]", ws.Cell(3, 8).GetString(), StringComparison.Ordinal);
        Assert.Equal(70, ws.Column(8).Width);
    }

    [Theory]
    [InlineData("%PDF-1.7 not a list", "not-a-spreadsheet")]
    [InlineData("name,office\nx,8101", "missing-headers")]
    [InlineData("", "file-empty")]
    public async Task A_file_that_is_not_a_list_gets_one_clear_message(string content, string code)
    {
        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            services.Imports.DryRunAsync(database.SignInAsync("admin").Result, new MemoryStream(Encoding.UTF8.GetBytes(content))));
        Assert.Equal(code, ex.PortalMessage.Code);
        Assert.Matches("[\u0E00-\u0E7F]", ex.PortalMessage.Th);
    }

    [Fact]
    public async Task A_hundred_thousand_rows_are_refused_before_anything_is_checked()
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 100_000; i++)
        {
            text.Append('u').Append(i).Append(",ชื่อ,,8101,\n");
        }

        var ex = await Assert.ThrowsAsync<PortalValidationException>(() =>
            services.Imports.DryRunAsync(database.SignInAsync("admin").Result, Csv(text.ToString(), bom: false)));
        Assert.Equal("too-many-rows", ex.PortalMessage.Code);
    }

    [Fact]
    public async Task A_provincial_administrator_imports_only_into_its_province()
    {
        var u = Unique();
        var pa = $"pa-{u}";
        await services.Admin.CreateAsync(await database.SignInAsync("admin"), new NewAccount(pa, "ผู้ดูแลจังหวัด", null, [new("81", PortalRoles.ProvinceAdmin)]));
        var csv = string.Join("\n", Header,
            $"in-{u},นายใน,,8104,",
            $"out-{u},นายนอก,,8201,",
            $"adm-{u},นายแอดมิน,,81,Province.Admin",
            "admin,ชื่อใหม่,,81,Province.Officer");

        var report = await services.Imports.DryRunAsync(await database.SignInAsync(pa), Csv(csv, bom: false));

        Assert.Equal(ImportRowStatus.Added, Row(report, 2).Status);
        Assert.Equal("office-not-found", Code(report, 3, "office_code"));
        Assert.Equal("role-not-grantable", Code(report, 4, "role"));
        Assert.Equal("user-not-yours", Code(report, 5, "user_name"));
    }

    private static UserImportRow Row(UserImportReport report, int row) => report.Rows.Single(r => r.Row == row);

    private static string Code(UserImportReport report, int row, string column) =>
        Row(report, row).Messages.First(m => m.Column == column).Message.Code;

    private async Task<int> CountAsync()
    {
        await using var db = database.CreateContext();
        return await db.Users.CountAsync() + await db.Memberships.CountAsync();
    }

    private async Task<int> EventCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.AdminEvents.CountAsync();
    }

    private async Task<int> LinkCountAsync()
    {
        await using var db = database.CreateContext();
        return await db.PasswordLinks.CountAsync();
    }
}
