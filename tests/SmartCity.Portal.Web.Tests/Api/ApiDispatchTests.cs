using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Portal.Common;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>DESIGN.md 6: the province sends held reports to DLA as one letter; DLA records its arrival.</summary>
public sealed class ApiDispatchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Some days ago, within the register window (decision 0019).</summary>
    private static readonly string LetterDate = TestDates.DaysAgo(14);

    private static readonly string ReceivedOn = TestDates.DaysAgo(13);

    [Fact]
    public async Task A_letter_with_one_report_lacking_its_paper_copy_is_refused_with_items_then_sent_and_received()
    {
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        var dla = await factory.BearerClientAsync(DemoUsers.Dla.UserName);
        var campaignId = await province.DemoCampaignIdAsync();

        // A town report (straight to the province) with its paper copy; a subdistrict one forwarded by its district, without.
        var town = await factory.BearerClientAsync("muni-810101");
        var (withPaper, _, _) = await town.CreateAndSubmitAsync();
        using (var recorded = await province.PostJsonAsync($"/api/v1/submissions/{withPaper}/paper-copy", new { receivedOn = LetterDate }))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        var subdistrict = await factory.BearerClientAsync("muni-810116");
        var (withoutPaper, etag, _) = await subdistrict.CreateAndSubmitAsync();
        using (var forwarded = await district.PostJsonAsync($"/api/v1/submissions/{withoutPaper}/actions/forward", new { comment = "ตรวจแล้ว" }, etag))
        {
            Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        }

        var body = new { campaignId, submissionIds = new[] { withPaper, withoutPaper }, letterDate = LetterDate };
        using var refused = await province.PostJsonAsync("/api/v1/dispatches", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("dispatch-items-refused", problem.GetProperty("code").GetString());
        Assert.Contains("เทศบาลตำบลอ่าวนาง", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var item = Assert.Single(problem.GetProperty("items").EnumerateArray());
        Assert.Equal(withoutPaper, item.GetProperty("id").GetInt32());
        Assert.Equal("เทศบาลตำบลอ่าวนาง", item.GetProperty("name").GetString());
        Assert.Equal("paper-copy-required", item.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(item.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(item.GetProperty("titleEn").GetString()));

        using (var recorded = await province.PostJsonAsync($"/api/v1/submissions/{withoutPaper}/paper-copy", new { receivedOn = LetterDate }))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        using var byDistrict = await district.PostJsonAsync("/api/v1/dispatches", body);
        Assert.Equal(HttpStatusCode.Forbidden, byDistrict.StatusCode);
        Assert.Equal("dispatch-province-only", (await byDistrict.JsonAsync()).GetProperty("code").GetString());

        using var created = await province.PostJsonAsync("/api/v1/dispatches", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dispatch = await created.JsonAsync();
        var id = dispatch.GetProperty("id").GetInt32();
        Assert.Matches("^กบ ๐๐๒๓\\.๓/[๐-๙]+$", dispatch.GetProperty("letterNo").GetString()!);
        Assert.EndsWith($"/{TestDates.BuddhistYear(LetterDate)}", dispatch.GetProperty("sendNo").GetString(), StringComparison.Ordinal);
        Assert.Equal($"/api/v1/dispatches/{id}", created.Headers.Location?.OriginalString);

        var detail = await province.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/dispatches/{id}", UriKind.Relative));
        Assert.Equal(2, detail.GetProperty("items").GetArrayLength());
        Assert.Contains(detail.GetProperty("items").EnumerateArray(), i => i.GetProperty("municipality").GetString() == "เทศบาลเมืองกระบี่");
        Assert.False(detail.GetProperty("dispatch").GetProperty("received").GetBoolean());
        var moved = await province.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{withPaper}", UriKind.Relative));
        Assert.Equal("atDla", moved.GetProperty("state").GetString());

        var outstanding = await dla.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/dispatches?status=outstanding", UriKind.Relative));
        Assert.Contains(outstanding.EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);

        using var byProvince = await province.PostJsonAsync($"/api/v1/dispatches/{id}/receipt", new { receivedOn = ReceivedOn });
        Assert.Equal(HttpStatusCode.Forbidden, byProvince.StatusCode);
        using var badDate = await dla.PostJsonAsync($"/api/v1/dispatches/{id}/receipt", new { receivedOn = "21/11/2569" });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        using var received = await dla.PostJsonAsync($"/api/v1/dispatches/{id}/receipt", new { receivedOn = ReceivedOn, note = "ไปรษณีย์" });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        var receipt = await received.JsonAsync();
        Assert.True(receipt.GetProperty("received").GetBoolean());
        Assert.Matches($@"^\d+/{TestDates.BuddhistYear(ReceivedOn)}$", receipt.GetProperty("receiveNo").GetString()!);
        using var twice = await dla.PostJsonAsync($"/api/v1/dispatches/{id}/receipt", new { receivedOn = ReceivedOn });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("dispatch-already-received", (await twice.JsonAsync()).GetProperty("code").GetString());

        var receivedList = await dla.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/dispatches?status=received&provinceCode=81", UriKind.Relative));
        Assert.Contains(receivedList.EnumerateArray(), d => d.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task Other_tiers_are_refused_and_bad_requests_answered_with_problems()
    {
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var municipality = await factory.BearerClientAsync(DemoUsers.Municipality.UserName);
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);

        foreach (var client in new[] { municipality, district })
        {
            using var list = await client.GetAsync(new Uri("/api/v1/dispatches", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
            Assert.Equal("dispatch-not-your-tier", (await list.JsonAsync()).GetProperty("code").GetString());
            using var code = await client.PutJsonAsync("/api/v1/org-units/me/letter-code", new { letterCodePrefix = "กบ ๐๐๑" }, null);
            Assert.Equal(HttpStatusCode.Forbidden, code.StatusCode);
        }

        using var unknown = await province.GetAsync(new Uri("/api/v1/dispatches/999999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("dispatch-not-found", (await unknown.JsonAsync()).GetProperty("code").GetString());
        using var badStatus = await province.GetAsync(new Uri("/api/v1/dispatches?status=lost", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        using var noIds = await province.PostJsonAsync("/api/v1/dispatches", new { campaignId = 1, letterDate = LetterDate });
        Assert.Equal(HttpStatusCode.BadRequest, noIds.StatusCode);
        using var empty = await province.PostJsonAsync("/api/v1/dispatches", new { campaignId = await province.DemoCampaignIdAsync(), submissionIds = Array.Empty<int>(), letterDate = LetterDate });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("dispatch-no-items", (await empty.JsonAsync()).GetProperty("code").GetString());
        using var invalidCode = await province.PutJsonAsync("/api/v1/org-units/me/letter-code", new { letterCodePrefix = " / " }, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalidCode.StatusCode);
    }

    [Fact]
    public async Task The_province_sets_its_letter_code_typed_with_either_digits()
    {
        var province = await factory.NewBearerClientAsync(DemoUsers.Province.UserName);
        using var set = await province.PutJsonAsync("/api/v1/org-units/me/letter-code", new { letterCodePrefix = "กบ 0023.3/" }, null);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal("กบ ๐๐๒๓.๓", (await set.JsonAsync()).GetProperty("letterCodePrefix").GetString());
        var read = await province.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/org-units/me/letter-code", UriKind.Relative));
        Assert.Equal("กบ ๐๐๒๓.๓", read.GetProperty("letterCodePrefix").GetString());
    }
}

/// <summary>The dispatch pages open for their own tier only, and the cover letter reads as the official letter.</summary>
public sealed class DispatchPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_province_page_and_the_DLA_page_open_for_their_own_tier_only()
    {
        var province = await factory.SignedInClientAsync(DemoUsers.Province.UserName);
        using var own = await province.GetAsync(new Uri("/province/dispatches", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var body = await own.Content.ReadAsStringAsync();
        Assert.Contains("หนังสือนำส่งรายงานถึงกรม", body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"letter-code-current\"", body, StringComparison.Ordinal);
        Assert.Contains("กบ ๐๐๒๓.๓", body, StringComparison.Ordinal);

        var dla = await factory.SignedInClientAsync(DemoUsers.Dla.UserName);
        using var dlaPage = await dla.GetAsync(new Uri("/dla/dispatches", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dlaPage.StatusCode);
        Assert.Contains("หนังสือนำส่งรายงานจากจังหวัด", await dlaPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var (userName, path) in new[]
                 {
                     (DemoUsers.District.UserName, "/province/dispatches"), (DemoUsers.Municipality.UserName, "/province/dispatches"),
                     (DemoUsers.Province.UserName, "/dla/dispatches"), (DemoUsers.Municipality.UserName, "/province/dispatches/1/letter"),
                 })
        {
            var client = await factory.SignedInClientAsync(userName);
            using var refused = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(
                refused.StatusCode == HttpStatusCode.Forbidden
                || (refused.StatusCode == HttpStatusCode.Redirect && refused.RedirectPath() == "/account/access-denied"),
                $"{userName} GET {path}: got {(int)refused.StatusCode} {refused.RedirectTarget()}");
        }
    }

    [Fact]
    public async Task The_cover_letter_page_shows_the_official_letter_to_the_province_and_to_DLA()
    {
        var provinceApi = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var town = await factory.BearerClientAsync("muni-810101");
        var (id, _, _) = await town.CreateAndSubmitAsync();
        var letterDate = TestDates.DaysAgo(6);
        using (var recorded = await provinceApi.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = letterDate }))
        {
            Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        }

        using var created = await provinceApi.PostJsonAsync(
            "/api/v1/dispatches", new { campaignId = await provinceApi.DemoCampaignIdAsync(), submissionIds = new[] { id }, letterDate });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var dispatch = await created.JsonAsync();
        var dispatchId = dispatch.GetProperty("id").GetInt32();
        var letterNo = dispatch.GetProperty("letterNo").GetString()!;

        foreach (var userName in new[] { DemoUsers.Province.UserName, DemoUsers.Dla.UserName })
        {
            var client = await factory.SignedInClientAsync(userName);
            using var page = await client.GetAsync(new Uri($"/province/dispatches/{dispatchId}/letter", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains(letterNo, html, StringComparison.Ordinal);
            Assert.Contains("ศาลากลางจังหวัดกระบี่", html, StringComparison.Ordinal);
            Assert.Contains("อธิบดีกรมส่งเสริมการปกครองท้องถิ่น", html, StringComparison.Ordinal);
            Assert.Contains("มท ๐๘๑๐.๒/ว ๓๐๙๕", html, StringComparison.Ordinal);
            Assert.Contains(ThaiDigits.ToThai(ThaiTime.FormatDate(DateOnly.Parse(letterDate, System.Globalization.CultureInfo.InvariantCulture))), html, StringComparison.Ordinal);
            Assert.Contains("เทศบาลเมืองกระบี่", html, StringComparison.Ordinal);
            Assert.Contains("ขอแสดงความนับถือ", html, StringComparison.Ordinal);
        }

        using var docx = await provinceApi.GetAsync(new Uri($"/api/v1/dispatches/{dispatchId}/letter.docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".docx", docx.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        await using var stream = await docx.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(copy, false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(letterNo, text, StringComparison.Ordinal);
        Assert.Contains("เทศบาลเมืองกระบี่", text, StringComparison.Ordinal);

        var municipality = await factory.BearerClientAsync("muni-810101");
        using var refused = await municipality.GetAsync(new Uri($"/api/v1/dispatches/{dispatchId}/letter.docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
