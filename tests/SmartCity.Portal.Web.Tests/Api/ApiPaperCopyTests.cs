using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>DESIGN.md 6: the province records the paper copy (เลขรับ) through the API, then forwards to DLA.</summary>
public sealed class ApiPaperCopyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>Some days ago, within the register window; its Buddhist year is the register's.</summary>
    private static readonly string ReceivedOn = TestDates.DaysAgo(13);

    private static readonly int Year = TestDates.BuddhistYear(ReceivedOn);

    [Fact]
    public async Task The_province_records_the_paper_copy_and_then_forwards_to_DLA()
    {
        var municipality = await factory.BearerClientAsync("muni-810101");
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var (id, etag, state) = await municipality.CreateAndSubmitAsync();
        Assert.Equal("atProvince", state);

        // Without the paper copy the campaign does not let the province forward.
        using var noPaper = await province.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "ส่งกรม" }, etag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noPaper.StatusCode);
        Assert.Equal("paper-copy-required", (await noPaper.JsonAsync()).GetProperty("code").GetString());

        using var recorded = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = ReceivedOn, note = "ไปรษณีย์ลงทะเบียน" }, etag);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var receipt = await recorded.JsonAsync();
        var receiveNo = receipt.GetProperty("receiveNo").GetString()!;
        Assert.Matches(@"^\d+/\d{4}$", receiveNo);
        Assert.EndsWith($"/{Year}", receiveNo, StringComparison.Ordinal);
        Assert.Equal(recorded.ETag(), receipt.GetProperty("etag").GetString());
        Assert.NotEqual(etag, recorded.ETag());
        var entryId = receipt.GetProperty("entryId").GetInt64();

        // Twice is a conflict; the old ETag is stale.
        using var twice = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = ReceivedOn });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("paper-copy-already-recorded", (await twice.JsonAsync()).GetProperty("code").GetString());
        using var stale = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = ReceivedOn }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var register = await province.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/registers/receive?year={Year}", UriKind.Relative));
        var line = Assert.Single(register.EnumerateArray(), e => e.GetProperty("id").GetInt64() == entryId);
        Assert.Equal(receiveNo, line.GetProperty("receiveNo").GetString());
        Assert.Equal(id, line.GetProperty("submissionId").GetInt32());
        Assert.Equal(ReceivedOn, line.GetProperty("documentDate").GetString());
        Assert.Equal("ไปรษณีย์ลงทะเบียน", line.GetProperty("note").GetString());
        Assert.False(line.GetProperty("cancelled").GetBoolean());

        // With the copy in, the report says beforehand that its way to DLA is the cover letter (decision 0018)...
        var before = await province.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Contains("forward", before.GetProperty("permittedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.True(before.GetProperty("forwardByDispatch").GetBoolean());
        Assert.Equal(SmartCity.Portal.Organisations.OrgTreeSeeder.DivisionCode, before.GetProperty("forwardTo").GetProperty("code").GetString());
        // ...and the plain forward is refused, single or in bulk.
        using var plain = await province.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "ส่งกรม" }, recorded.ETag());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, plain.StatusCode);
        var refusal = await plain.JsonAsync();
        Assert.Equal("dispatch-required", refusal.GetProperty("code").GetString());
        Assert.Contains("ออกหนังสือนำส่ง", refusal.GetProperty("title").GetString(), StringComparison.Ordinal);
        using var bulk = await province.PostJsonAsync("/api/v1/submissions/bulk/forward", new { items = new[] { new { id, etag = recorded.ETag() } } });
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        var bulkItem = Assert.Single((await bulk.JsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal("dispatch-required", bulkItem.GetProperty("code").GetString());
        using var letter = await province.PostJsonAsync("/api/v1/dispatches", new { campaignId = await province.DemoCampaignIdAsync(), submissionIds = new[] { id }, letterDate = ReceivedOn });
        Assert.Equal(HttpStatusCode.Created, letter.StatusCode);
        var toDla = await province.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/submissions/{id}", UriKind.Relative));
        Assert.Equal("atDla", toDla.GetProperty("state").GetString());

        // Gone on to DLA: the entry can no longer be cancelled; a reason is always needed.
        using var noReason = await province.PostJsonAsync($"/api/v1/registers/receive/{entryId}/cancel", new { reason = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        using var late = await province.PostJsonAsync($"/api/v1/registers/receive/{entryId}/cancel", new { reason = "ผิดเรื่อง" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("paper-copy-forwarded", (await late.JsonAsync()).GetProperty("code").GetString());
        using var unknown = await province.PostJsonAsync("/api/v1/registers/receive/999999/cancel", new { reason = "ผิดเรื่อง" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_mistaken_entry_is_cancelled_and_stays_in_the_register()
    {
        // A subdistrict municipality: its district forwards it to the province first.
        var municipality = await factory.BearerClientAsync("muni-810103");
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var (id, etag, state) = await municipality.CreateAndSubmitAsync();
        Assert.Equal("atDistrict", state);
        using var forwarded = await district.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "ตรวจแล้ว" }, etag);
        Assert.Equal(HttpStatusCode.OK, forwarded.StatusCode);
        Assert.Equal("atProvince", (await forwarded.JsonAsync()).GetProperty("state").GetString());

        using var recorded = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = ReceivedOn });
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var entryId = (await recorded.JsonAsync()).GetProperty("entryId").GetInt64();

        using var cancelled = await province.PostJsonAsync($"/api/v1/registers/receive/{entryId}/cancel", new { reason = "บันทึกผิดฉบับ" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var entry = await cancelled.JsonAsync();
        Assert.True(entry.GetProperty("cancelled").GetBoolean());
        Assert.Equal("บันทึกผิดฉบับ", entry.GetProperty("cancelReason").GetString());

        using var again = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = ReceivedOn });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var register = await province.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/registers/receive?year={Year}", UriKind.Relative));
        var lines = register.EnumerateArray().Where(e => e.GetProperty("submissionId").GetInt32() == id).ToList();
        Assert.Equal([true, false], lines.Select(e => e.GetProperty("cancelled").GetBoolean()));
        Assert.True(lines[1].GetProperty("number").GetInt32() > lines[0].GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task Only_the_province_may_record_and_bad_requests_are_refused()
    {
        var municipality = await factory.BearerClientAsync("muni-810116");
        var district = await factory.BearerClientAsync(DemoUsers.District.UserName);
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        var (id, _, _) = await municipality.CreateAndSubmitAsync();
        var body = new { receivedOn = ReceivedOn, note = "ทดสอบ" };

        using var byDistrict = await district.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", body);
        Assert.Equal(HttpStatusCode.Forbidden, byDistrict.StatusCode);
        Assert.Equal("paper-copy-province-only", (await byDistrict.JsonAsync()).GetProperty("code").GetString());
        using var byMunicipality = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", body);
        Assert.Equal(HttpStatusCode.Forbidden, byMunicipality.StatusCode);
        using var districtRegister = await district.GetAsync(new Uri($"/api/v1/registers/receive?year={Year}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, districtRegister.StatusCode);

        using var unknown = await province.PostJsonAsync("/api/v1/submissions/999999/paper-copy", body);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("submission-not-found", (await unknown.JsonAsync()).GetProperty("code").GetString());

        foreach (var bad in new object[] { new { receivedOn = "20/11/2569" }, new { receivedOn = "2026-13-01" }, new { note = "ไม่มีวันที่" }, new { receivedOn = 20261120 } })
        {
            using var response = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var future = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Equal("paper-copy-date-in-future", (await future.JsonAsync()).GetProperty("code").GetString());
        // A date that cannot be right is refused by the server too, not only by the page (decision 0019).
        using var tooOld = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = TestDates.DaysAgo(61) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooOld.StatusCode);
        Assert.Equal("paper-copy-date-too-old", (await tooOld.JsonAsync()).GetProperty("code").GetString());
        var slipped = TestDates.Iso(TestDates.BangkokToday.AddYears(-543));
        using var gregorianAsBuddhist = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = slipped });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, gregorianAsBuddhist.StatusCode);
        var slip = await gregorianAsBuddhist.JsonAsync();
        Assert.Equal("date-gregorian-year", slip.GetProperty("code").GetString());
        Assert.Contains("พ.ศ.", slip.GetProperty("title").GetString(), StringComparison.Ordinal);
        using var buddhistAsGregorian = await province.PostJsonAsync($"/api/v1/submissions/{id}/paper-copy", new { receivedOn = TestDates.Iso(TestDates.BangkokToday.AddYears(543)) });
        Assert.Equal("date-buddhist-year", (await buddhistAsGregorian.JsonAsync()).GetProperty("code").GetString());
        var register = await province.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/registers/receive?year={TestDates.BangkokToday.Year}", UriKind.Relative));
        Assert.Equal(0, register.GetArrayLength());
        using var badYear = await province.GetAsync(new Uri("/api/v1/registers/receive?year=abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
    }

    [Fact]
    public async Task The_register_endpoints_are_in_the_OpenAPI_document()
    {
        using var client = factory.CreateApiClient();
        var paths = (await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative))).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/v1/submissions/{id}/paper-copy").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/registers/receive").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/registers/receive/{entryId}/cancel").TryGetProperty("post", out _));
    }
}
