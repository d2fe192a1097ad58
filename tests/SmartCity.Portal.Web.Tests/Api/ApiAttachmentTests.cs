using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>Small limits, so that "too large" and "report full" are cheap to reach.</summary>
public sealed class AttachmentPortalFactory() : PortalFactory("Development", new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Attachments:MaxFileBytes"] = ApiAttachmentTests.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Attachments:MaxSubmissionBytes"] = ApiAttachmentTests.MaxSubmissionBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
});

/// <summary>Evidence uploads and downloads over HTTP, against the real host, SQLite and disk.</summary>
public sealed class ApiAttachmentTests(AttachmentPortalFactory factory) : IClassFixture<AttachmentPortalFactory>
{
    public const long MaxFileBytes = 100_000;
    public const long MaxSubmissionBytes = 250_000;
    private const string Field = "projects.items[0].evidence";

    // Municipalities of the demo province: each test uses its own, so their reports never share a total.
    private const string AoNang = "muni-810116";      // subdistrict, under district 8101
    private const string KrabiNoi = "muni-810103";    // subdistrict, under district 8101
    private const string KhaoPhanom = "muni-810201";  // subdistrict, under district 8102
    private const string KoLanta = "muni-810301";
    private const string KhlongThom = "muni-810401";
    private const string AoLuekTai = "muni-810501";
    private const string PlaiPhraya = "muni-810601";

    private string AttachmentsFolder => Path.Combine(factory.DataDirectory, "attachments");

    [Fact]
    public async Task A_real_PDF_is_stored_under_a_server_name_and_comes_back_byte_for_byte_with_its_Thai_name()
    {
        var municipality = await factory.BearerClientAsync(AoNang);
        var submissionId = await DraftAsync(municipality);
        var pdf = Pdf(2_000);

        using var uploaded = await UploadAsync(municipality, submissionId, pdf, "หลักฐานโครงการ.pdf");

        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var body = await uploaded.JsonAsync();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal("หลักฐานโครงการ.pdf", body.GetProperty("name").GetString());
        Assert.Equal("pdf", body.GetProperty("kind").GetString());
        Assert.Equal(pdf.Length, body.GetProperty("length").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), body.GetProperty("sha256").GetString());

        // On disk: a GUID name in the report's own folder, the same bytes; never the user's name.
        var stored = Assert.Single(Directory.GetFiles(Path.Combine(AttachmentsFolder, submissionId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", Path.GetFileName(stored));
        Assert.Equal(pdf, await File.ReadAllBytesAsync(stored));
        var stamp = await factory.QueryAsync(db => Task.FromResult(db.Attachments.Single(a => a.Id == id).Sha256));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(stored))), stamp);

        using var download = await municipality.GetAsync(new Uri($"/api/v1/attachments/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("หลักฐานโครงการ.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"attachment-{id}.pdf", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", Assert.Single(download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var list = await municipality.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{submissionId}/attachments", UriKind.Relative));
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetInt32());
        Assert.Equal(Field, listed.GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_district_of_the_municipality_downloads_the_file_and_another_district_is_told_it_does_not_exist()
    {
        var municipality = await factory.BearerClientAsync(KrabiNoi);
        var submissionId = await DraftAsync(municipality);
        var pdf = Pdf(1_000);
        using var uploaded = await UploadAsync(municipality, submissionId, pdf, "แผนงาน.pdf");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (await uploaded.JsonAsync()).GetProperty("id").GetInt32();

        var sameDistrict = await factory.BearerClientAsync(DemoUsers.District.UserName);
        using var allowed = await sameDistrict.GetAsync(new Uri($"/api/v1/attachments/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(pdf, await allowed.Content.ReadAsByteArrayAsync());

        var otherDistrict = await factory.BearerClientAsync("district-8102");
        using var refused = await otherDistrict.GetAsync(new Uri($"/api/v1/attachments/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null(refused.Content.Headers.ContentDisposition);
        Assert.Equal("attachment-not-found", (await refused.JsonAsync()).GetProperty("code").GetString());
        using var refusedList = await otherDistrict.GetAsync(new Uri($"/api/v1/submissions/{submissionId}/attachments", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refusedList.StatusCode);

        // Seeing is not editing: the district may not add to or remove from the municipality's report.
        using var districtUpload = await UploadAsync(sameDistrict, submissionId, Pdf(500), "x.pdf");
        Assert.Equal(HttpStatusCode.Forbidden, districtUpload.StatusCode);
        using var districtDelete = await sameDistrict.DeleteAsync(new Uri($"/api/v1/attachments/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, districtDelete.StatusCode);
    }

    public static TheoryData<string, string, byte[], HttpStatusCode, string> Refused() => new()
    {
        { "executable renamed .pdf", "รายงาน.pdf", [.. "MZ"u8, .. new byte[512]], HttpStatusCode.UnprocessableEntity, "attachment-type-not-allowed" },
        { "ELF renamed .pdf", "report.pdf", [0x7F, .. "ELF"u8, .. new byte[256]], HttpStatusCode.UnprocessableEntity, "attachment-type-not-allowed" },
        { "HTML renamed .png", "ภาพ.png", "<!DOCTYPE html><html><script>alert(1)</script></html>"u8.ToArray(), HttpStatusCode.UnprocessableEntity, "attachment-type-not-allowed" },
        { "plain ZIP renamed .xlsx", "data.xlsx", PlainZip(), HttpStatusCode.UnprocessableEntity, "attachment-type-not-allowed" },
        { "empty file", "ว่าง.pdf", [], HttpStatusCode.UnprocessableEntity, "attachment-empty" },
        { "one byte over the limit", "ใหญ่.pdf", Pdf((int)MaxFileBytes + 1), HttpStatusCode.RequestEntityTooLarge, "attachment-too-large" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_file_that_fails_a_check_is_refused_with_a_Thai_problem_and_leaves_nothing_on_disk(
        string because, string name, byte[] content, HttpStatusCode status, string code)
    {
        var municipality = await factory.BearerClientAsync(KhaoPhanom);
        var submissionId = await DraftAsync(municipality);
        var before = FilesOutsideTmp();

        using var response = await UploadAsync(municipality, submissionId, content, name);

        Assert.True(status == response.StatusCode, $"{because}: answered {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Matches("[\u0E00-\u0E7F]", problem.GetProperty("title").GetString()!);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("titleEn").GetString()));
        Assert.Equal(before, FilesOutsideTmp());
        AssertNoTempFiles();
        var rows = await factory.QueryAsync(db => Task.FromResult(db.Attachments.Count(a => a.SubmissionId == submissionId)));
        Assert.Equal(0, rows);
    }

    [Fact]
    public async Task The_type_message_names_the_allowed_kinds_and_the_size_message_names_the_limit()
    {
        var municipality = await factory.BearerClientAsync(KhaoPhanom);
        var submissionId = await DraftAsync(municipality);

        using var wrongType = await UploadAsync(municipality, submissionId, "MZ\0\0"u8.ToArray(), "a.pdf");
        Assert.Equal("ไฟล์นี้ไม่ใช่ PDF, JPEG, PNG, XLSX หรือ DOCX", (await wrongType.JsonAsync()).GetProperty("title").GetString());

        using var tooLarge = await UploadAsync(municipality, submissionId, Pdf((int)MaxFileBytes + 10), "a.pdf");
        Assert.Contains("0.1 MB", (await tooLarge.JsonAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_folders_and_bidi_overrides_is_kept_only_as_a_cleaned_display_name()
    {
        var municipality = await factory.BearerClientAsync(KoLanta);
        var submissionId = await DraftAsync(municipality);
        var outside = Path.GetFullPath(Path.Combine(factory.DataDirectory, ".."));
        var outsideBefore = Directory.GetFiles(outside).ToHashSet(StringComparer.Ordinal);

        // Shown raw, "\u202E" would make the name read as "...fdp.exe"-style nonsense to a reviewer.
        using var response = await UploadAsync(municipality, submissionId, Pdf(800), "../../..\\evil\u202Egpj.\u2066exe\u2069.pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("evilgpj.exe.pdf", body.GetProperty("name").GetString());
        var stored = Assert.Single(Directory.GetFiles(Path.Combine(AttachmentsFolder, submissionId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", Path.GetFileName(stored));
        Assert.Equal(outsideBefore, Directory.GetFiles(outside).ToHashSet(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(factory.DataDirectory, "evil*", SearchOption.AllDirectories));
        AssertNoTempFiles();

        using var download = await municipality.GetAsync(new Uri($"/api/v1/attachments/{body.GetProperty("id").GetInt32()}", UriKind.Relative));
        Assert.Equal("evilgpj.exe.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Office_files_are_told_apart_by_their_content_not_their_name()
    {
        var municipality = await factory.BearerClientAsync(AoLuekTai);
        var submissionId = await DraftAsync(municipality);

        using var xlsx = await UploadAsync(municipality, submissionId, Workbook(), "งบประมาณ.docx");
        Assert.Equal(HttpStatusCode.Created, xlsx.StatusCode);
        Assert.Equal("xlsx", (await xlsx.JsonAsync()).GetProperty("kind").GetString());

        using var docx = await UploadAsync(municipality, submissionId, WordDocument(), "บันทึก.bin");
        Assert.Equal(HttpStatusCode.Created, docx.StatusCode);
        var body = await docx.JsonAsync();
        Assert.Equal("docx", body.GetProperty("kind").GetString());

        using var download = await municipality.GetAsync(new Uri($"/api/v1/attachments/{body.GetProperty("id").GetInt32()}", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);

        using var png = await UploadAsync(municipality, submissionId, [0x89, .. "PNG\r\n\u001A\n"u8, .. new byte[64]], "ภาพ.jpg");
        Assert.Equal("png", (await png.JsonAsync()).GetProperty("kind").GetString());
        using var jpeg = await UploadAsync(municipality, submissionId, [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[64]], "ภาพ");
        Assert.Equal("jpeg", (await jpeg.JsonAsync()).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_report_total_is_enforced_and_a_deleted_file_frees_its_space()
    {
        var municipality = await factory.BearerClientAsync(KhlongThom);
        var submissionId = await DraftAsync(municipality);
        var ids = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await UploadAsync(municipality, submissionId, Pdf(90_000), $"ไฟล์{i}.pdf");
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
            ids.Add((await ok.JsonAsync()).GetProperty("id").GetInt32());
        }

        var before = FilesOutsideTmp();
        using var full = await UploadAsync(municipality, submissionId, Pdf(90_000), "ไฟล์ที่สาม.pdf");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, full.StatusCode);
        Assert.Equal("attachment-submission-total-too-large", (await full.JsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, FilesOutsideTmp());
        AssertNoTempFiles();

        using var deleted = await municipality.DeleteAsync(new Uri($"/api/v1/attachments/{ids[0]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await municipality.GetAsync(new Uri($"/api/v1/attachments/{ids[0]}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(before.Count - 1, FilesOutsideTmp().Count);

        using var fits = await UploadAsync(municipality, submissionId, Pdf(90_000), "ไฟล์ที่สาม.pdf");
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);

        // Three files at once with room for one: one lands, the others are refused, the total holds.
        var uploads = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => UploadAsync(municipality, submissionId, Pdf(60_000), $"พร้อมกัน{i}.pdf")));
        Assert.Equal(1, uploads.Count(u => u.StatusCode == HttpStatusCode.Created));
        Assert.Equal(2, uploads.Count(u => u.StatusCode == HttpStatusCode.RequestEntityTooLarge));
        foreach (var upload in uploads)
        {
            upload.Dispose();
        }

        var total = await factory.QueryAsync(db => Task.FromResult(db.Attachments.Where(a => a.SubmissionId == submissionId && a.DeletedUtc == null).Sum(a => a.Length)));
        Assert.InRange(total, 1, MaxSubmissionBytes);
        AssertNoTempFiles();
    }

    [Fact]
    public async Task Nobody_uploads_to_a_report_of_another_municipality_nor_to_one_already_sent()
    {
        var owner = await factory.BearerClientAsync(DemoUsers.Municipality.UserName);
        var (submissionId, _, _) = await owner.CreateAndSubmitAsync();

        using var sent = await UploadAsync(owner, submissionId, Pdf(500), "late.pdf");
        Assert.Equal(HttpStatusCode.Conflict, sent.StatusCode);

        var stranger = await factory.BearerClientAsync(AoNang);
        using var foreign = await UploadAsync(stranger, submissionId, Pdf(500), "x.pdf");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);

        var strangerDraft = await DraftAsync(stranger);
        using var noField = await UploadAsync(stranger, strangerDraft, Pdf(500), "x.pdf", field: "../../etc");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noField.StatusCode);
        AssertNoTempFiles();
    }

    [Fact]
    public async Task The_question_of_the_form_decides_where_a_file_may_go_which_kinds_and_how_many()
    {
        var municipality = await factory.BearerClientAsync(PlaiPhraya);
        var submissionId = await DraftAsync(municipality);

        // vision.localPlanFiles: PDF only, at most 3.
        using var png = await UploadAsync(municipality, submissionId, [0x89, .. "PNG\r\n\u001A\n"u8, .. new byte[64]], "แผน.png", field: "vision.localPlanFiles");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, png.StatusCode);
        var problem = await png.JsonAsync();
        Assert.Equal("attachment-kind-not-accepted", problem.GetProperty("code").GetString());
        Assert.Equal("คำถามนี้รับเฉพาะไฟล์ PDF", problem.GetProperty("title").GetString());

        for (var i = 0; i < 3; i++)
        {
            using var ok = await UploadAsync(municipality, submissionId, Pdf(300 + i), $"แผน{i}.pdf", field: "vision.localPlanFiles");
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        using var fourth = await UploadAsync(municipality, submissionId, Pdf(400), "แผน4.pdf", field: "vision.localPlanFiles");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fourth.StatusCode);
        Assert.Equal("attachment-too-many-files", (await fourth.JsonAsync()).GetProperty("code").GetString());

        foreach (var notAFileQuestion in new[] { "vision.areaCovered", "vision.nothing", "projects.items[0].budget", "projects.items[99].evidence" })
        {
            using var refused = await UploadAsync(municipality, submissionId, Pdf(400), "x.pdf", field: notAFileQuestion);
            Assert.True(HttpStatusCode.UnprocessableEntity == refused.StatusCode, $"{notAFileQuestion} answered {(int)refused.StatusCode}");
            Assert.Equal("attachment-invalid-field", (await refused.JsonAsync()).GetProperty("code").GetString());
        }

        AssertNoTempFiles();
        var rows = await factory.QueryAsync(db => Task.FromResult(db.Attachments.Count(a => a.SubmissionId == submissionId)));
        Assert.Equal(3, rows);
    }

    private static async Task<int> DraftAsync(HttpClient municipality)
    {
        var campaignId = await municipality.DemoCampaignIdAsync();
        using var created = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"create answered {(int)created.StatusCode}");
        return (await created.JsonAsync()).GetProperty("id").GetInt32();
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int submissionId, byte[] content, string name, string field = Field)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/submissions/{submissionId}/attachments?field={Uri.EscapeDataString(field)}", UriKind.Relative))
        {
            Content = new ByteArrayContent(content),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(name));
        return await client.SendAsync(request);
    }

    private List<string> FilesOutsideTmp()
    {
        var tmp = Path.Combine(AttachmentsFolder, "tmp") + Path.DirectorySeparatorChar;
        return Directory.Exists(AttachmentsFolder)
            ? [.. Directory.GetFiles(AttachmentsFolder, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(tmp, StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];
    }

    private void AssertNoTempFiles()
    {
        var tmp = Path.Combine(AttachmentsFolder, "tmp");
        Assert.True(!Directory.Exists(tmp) || Directory.GetFiles(tmp).Length == 0, "a refused upload left a temp file behind");
    }

    /// <summary>A minimal valid PDF padded with a comment to the length asked.</summary>
    internal static byte[] Pdf(int length)
    {
        const string head = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%";
        const string tail = "\n%%EOF\n";
        var padding = Math.Max(0, length - head.Length - tail.Length);
        return Encoding.ASCII.GetBytes(head + new string('x', padding) + tail);
    }

    private static byte[] PlainZip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not an office file");
        }

        return stream.ToArray();
    }

    private static byte[] Workbook()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("งบ").Cell(1, 1).Value = "โครงการ";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static byte[] WordDocument()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("บันทึกข้อความ")))));
        }

        return stream.ToArray();
    }
}
