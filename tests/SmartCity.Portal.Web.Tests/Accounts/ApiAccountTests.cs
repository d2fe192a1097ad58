using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Accounts;

/// <summary>Accounts over the API on the real host: create, set a password, edit under If-Match, disable and end with immediate effect, audit, import.</summary>
public sealed class ApiAccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_administrator_creates_an_account_whose_link_sets_a_password_that_signs_in()
    {
        var admin = await factory.BearerClientAsync("admin");
        var name = AccountApi.NewName("new");
        var (id, url, body) = await AccountApi.CreateUserAsync(admin, name, "810116", PortalRoles.MunicipalitySubmitter);
        Assert.StartsWith("http", url, StringComparison.Ordinal);
        Assert.Contains("/account/set-password?token=", url, StringComparison.Ordinal);
        Assert.True(body.TryGetProperty("expiresAt", out _));

        using var anonymous = factory.CreateApiClient();
        using var weak = await anonymous.PostJsonAsync("/api/v1/account/set-password", new { token = AccountApi.TokenOf(url!), newPassword = name + "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Equal("password-has-user-name", (await weak.JsonAsync()).GetProperty("code").GetString());

        await AccountApi.SetPasswordAsync(factory, url!);
        using var again = await anonymous.PostJsonAsync("/api/v1/account/set-password", new { token = AccountApi.TokenOf(url!), newPassword = AccountApi.GoodPassword });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal("link-used", (await again.JsonAsync()).GetProperty("code").GetString());

        var user = await factory.NewBearerClientAsync(name, AccountApi.GoodPassword);
        var me = await user.GetJsonAsync("/api/v1/me");
        Assert.Equal(name, me.GetProperty("userName").GetString());

        var detail = await admin.GetJsonAsync($"/api/v1/admin/users/{id}");
        Assert.Equal("active", detail.GetProperty("user").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_edit_needs_If_Match_and_a_stale_one_is_refused()
    {
        var admin = await factory.BearerClientAsync("admin");
        var (id, _, _) = await AccountApi.CreateUserAsync(admin, AccountApi.NewName("edit"), "8102", PortalRoles.DistrictOfficer);
        using var read = await admin.GetAsync(new Uri($"/api/v1/admin/users/{id}", UriKind.Relative));
        var etag = read.ETag();
        var edit = new { displayName = "นายแก้ไข แล้ว", email = "edited@example.go.th", position = "ท้องถิ่นอำเภอ", entraUpn = (string?)null, mustChangePassword = false };

        using var missing = await admin.PutJsonAsync($"/api/v1/admin/users/{id}", edit, null);
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        using var ok = await admin.PutJsonAsync($"/api/v1/admin/users/{id}", edit, etag);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.NotEqual(etag, ok.ETag());
        using var stale = await admin.PutJsonAsync($"/api/v1/admin/users/{id}", edit with { displayName = "อีกชื่อ" }, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    [Fact]
    public async Task Disabling_refuses_the_next_request_of_a_bearer_token_and_enabling_restores_it()
    {
        var admin = await factory.BearerClientAsync("admin");
        var (id, user) = await AccountApi.ReadyUserAsync(factory, admin, "8103", PortalRoles.DistrictOfficer, "dis");
        using (var before = await user.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using (var disable = await admin.PostJsonAsync($"/api/v1/admin/users/{id}/disable", new { reason = "ย้ายหน่วยงาน" }))
        {
            Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        }

        using (var after = await user.GetAsync(new Uri("/api/v1/me", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        }

        using (var token = await factory.CreateApiClient().RequestTokenAsync((await admin.GetJsonAsync($"/api/v1/admin/users/{id}")).GetProperty("user").GetProperty("userName").GetString()!, AccountApi.GoodPassword))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        }

        using (var enable = await admin.PostJsonAsync($"/api/v1/admin/users/{id}/enable"))
        {
            Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        }

        using var back = await user.GetAsync(new Uri("/api/v1/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task Ending_a_membership_takes_effect_at_the_next_request()
    {
        var admin = await factory.BearerClientAsync("admin");
        var (id, user) = await AccountApi.ReadyUserAsync(factory, admin, "8104", PortalRoles.DistrictOfficer, "end");
        using (var before = await user.GetAsync(new Uri("/api/v1/submissions", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var membership = (await admin.GetJsonAsync($"/api/v1/admin/users/{id}")).GetProperty("user").GetProperty("memberships")[0].GetProperty("id").GetInt32();
        using (var end = await admin.DeleteAsync(new Uri($"/api/v1/admin/memberships/{membership}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, end.StatusCode);
            Assert.False((await end.JsonAsync()).GetProperty("user").GetProperty("memberships")[0].GetProperty("active").GetBoolean());
        }

        using var after = await user.GetAsync(new Uri("/api/v1/submissions", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        Assert.Equal("no-membership", (await after.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_provincial_administrator_cannot_see_create_or_change_anything_outside_its_province_over_the_API()
    {
        var admin = await factory.BearerClientAsync("admin");
        var (_, pa) = await AccountApi.ReadyUserAsync(factory, admin, "81", PortalRoles.ProvinceAdmin, "pa");
        var (otherId, _, _) = await AccountApi.CreateUserAsync(admin, AccountApi.NewName("png"), "8201", PortalRoles.DistrictOfficer);
        var otherMembership = (await admin.GetJsonAsync($"/api/v1/admin/users/{otherId}")).GetProperty("user").GetProperty("memberships")[0].GetProperty("id").GetInt32();

        // Inside: a district officer of Krabi.
        var (insideId, _, _) = await AccountApi.CreateUserAsync(pa, AccountApi.NewName("krabi"), "8105", PortalRoles.DistrictOfficer);
        var list = await pa.GetJsonAsync("/api/v1/admin/users?page=1");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == insideId);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetString() == otherId);

        async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> call)
        {
            using var response = await call;
            Assert.Equal(status, response.StatusCode);
        }

        await Expect(HttpStatusCode.NotFound, pa.GetAsync(new Uri($"/api/v1/admin/users/{otherId}", UriKind.Relative)));
        await Expect(HttpStatusCode.NotFound, pa.GetAsync(new Uri("/api/v1/admin/users?officeCode=8201", UriKind.Relative)));
        await Expect(HttpStatusCode.NotFound, pa.PostJsonAsync("/api/v1/admin/users",
            new { userName = AccountApi.NewName("x"), displayName = "นอกเขต", memberships = new[] { new { officeCode = "8201", role = PortalRoles.DistrictOfficer } } }));
        await Expect(HttpStatusCode.Forbidden, pa.PostJsonAsync("/api/v1/admin/users",
            new { userName = AccountApi.NewName("x"), displayName = "ผู้ดูแล", memberships = new[] { new { officeCode = "81", role = PortalRoles.ProvinceAdmin } } }));
        await Expect(HttpStatusCode.NotFound, pa.PutJsonAsync($"/api/v1/admin/users/{otherId}", new { displayName = "x" }, "\"" + Guid.NewGuid() + "\""));
        await Expect(HttpStatusCode.NotFound, pa.PostJsonAsync($"/api/v1/admin/users/{otherId}/disable"));
        await Expect(HttpStatusCode.NotFound, pa.PostJsonAsync($"/api/v1/admin/users/{otherId}/memberships", new { officeCode = "8101", role = PortalRoles.DistrictOfficer }));
        await Expect(HttpStatusCode.NotFound, pa.DeleteAsync(new Uri($"/api/v1/admin/memberships/{otherMembership}", UriKind.Relative)));
        await Expect(HttpStatusCode.NotFound, pa.PostJsonAsync($"/api/v1/admin/users/{otherId}/set-password-link"));

        // The province's own officers may not manage accounts at all.
        var province = await factory.BearerClientAsync(DemoUsers.Province.UserName);
        await Expect(HttpStatusCode.Forbidden, province.GetAsync(new Uri("/api/v1/admin/users", UriKind.Relative)));

        // What the provincial administrator did is in its audit; the other province's creation is not.
        var audit = await pa.GetJsonAsync("/api/v1/admin/audit");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("action").GetString() == "account-create");
        Assert.DoesNotContain(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("officeCode").GetString() == "8201");
    }

    [Fact]
    public async Task The_audit_filters_by_user_and_date_and_downloads_as_a_workbook_with_set_widths()
    {
        var admin = await factory.BearerClientAsync("admin");
        var name = AccountApi.NewName("aud");
        var (id, _, _) = await AccountApi.CreateUserAsync(admin, name, "8106", PortalRoles.DistrictOfficer);
        using (await admin.PostJsonAsync($"/api/v1/admin/users/{id}/disable", new { reason = "ทดสอบ" }))
        {
        }

        var today = Common.ThaiTime.ToBangkok(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var page = await admin.GetJsonAsync($"/api/v1/admin/audit?from={today}&to={today}&userName={name}");
        var actions = page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Equal(["account-disable", "account-create"], actions);
        var disable = page.GetProperty("items")[0];
        Assert.Equal("admin", disable.GetProperty("actor").GetString());
        Assert.Equal("false", disable.GetProperty("before").GetProperty("disabled").GetString());
        Assert.Equal("true", disable.GetProperty("after").GetProperty("disabled").GetString());

        using var none = await admin.GetAsync(new Uri($"/api/v1/admin/audit?to=2020-01-01&userName={name}", UriKind.Relative));
        Assert.Equal(0, (await none.JsonAsync()).GetProperty("total").GetInt32());
        using var bad = await admin.GetAsync(new Uri("/api/v1/admin/audit?from=01/12/2569", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        using var xlsx = await admin.GetAsync(new Uri($"/api/v1/admin/audit.xlsx?userName={name}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var workbook = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet(1);
        Assert.Equal("เวลา", sheet.Cell(1, 1).GetString());
        Assert.Equal("ระงับบัญชี", sheet.Cell(2, 3).GetString());
        Assert.Equal(name, sheet.Cell(2, 4).GetString());
        Assert.Equal(45, sheet.Column(6).Width);
        Assert.Equal(3, sheet.LastRowUsed().RowNumber());
    }

    [Fact]
    public async Task A_user_list_dry_runs_then_applies_all_or_nothing_over_the_API()
    {
        var admin = await factory.BearerClientAsync("admin");
        var u = Guid.NewGuid().ToString("N")[..6];
        var good = $"user_name,display_name,email,office_code,role\n imp-{u},นายนำเข้า ทดสอบ,,8107,\n";
        var bad = good + $"bad-{u},ชื่อ,,9999,\n";

        async Task<HttpResponseMessage> Upload(string csv, bool apply, bool bom)
        {
            var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/admin/user-imports?apply={(apply ? "true" : "false")}", UriKind.Relative))
            {
                Content = new ByteArrayContent(bytes),
            };
            request.Headers.TryAddWithoutValidation("X-File-Name", Uri.EscapeDataString("รายชื่อ.csv"));
            return await admin.SendAsync(request);
        }

        using (var dry = await Upload(bad, apply: false, bom: true))
        {
            var report = await dry.JsonAsync();
            Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            Assert.Equal((1, 1), (report.GetProperty("added").GetInt32(), report.GetProperty("refused").GetInt32()));
            var refused = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("status").GetString() == "refused");
            Assert.Equal(3, refused.GetProperty("row").GetInt32());
            Assert.Equal("office_code", refused.GetProperty("messages")[0].GetProperty("column").GetString());
            Assert.Contains("ไม่พบหน่วยงาน", refused.GetProperty("messages")[0].GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        using (var refusedApply = await Upload(bad, apply: true, bom: false))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedApply.StatusCode);
            Assert.Equal(2, (await refusedApply.JsonAsync()).GetProperty("rows").GetArrayLength());
        }

        using (var list = await admin.GetAsync(new Uri($"/api/v1/admin/users?q=imp-{u}", UriKind.Relative)))
        {
            Assert.Equal(0, (await list.JsonAsync()).GetProperty("total").GetInt32());
        }

        using (var apply = await Upload(good, apply: true, bom: false))
        {
            Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
            var report = await apply.JsonAsync();
            Assert.Equal(1, report.GetProperty("added").GetInt32());
            Assert.Contains("/account/set-password?token=", report.GetProperty("rows")[0].GetProperty("setPasswordUrl").GetString(), StringComparison.Ordinal);
        }

        using (var twice = await Upload(good, apply: true, bom: true))
        {
            Assert.Equal(1, (await twice.JsonAsync()).GetProperty("unchanged").GetInt32());
        }

        using var notSheet = await admin.PostAsync(new Uri("/api/v1/admin/user-imports", UriKind.Relative), new ByteArrayContent([0x00, 0x01, 0xFF, 0xFE, 0x00]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notSheet.StatusCode);
        Assert.Equal("not-a-spreadsheet", (await notSheet.JsonAsync()).GetProperty("code").GetString());

        using var template = await admin.GetAsync(new Uri("/api/v1/admin/user-imports/template.xlsx", UriKind.Relative));
        using var workbook = new XLWorkbook(await template.Content.ReadAsStreamAsync());
        Assert.Equal(["user_name", "display_name", "email", "office_code", "role"], Enumerable.Range(1, 5).Select(c => workbook.Worksheet(1).Cell(1, c).GetString()));
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_an_existing_and_an_unknown_account()
    {
        using var anonymous = factory.CreateApiClient();
        using var known = await anonymous.PostJsonAsync("/api/v1/account/forgot-password", new { userNameOrEmail = "district-8101" });
        using var unknown = await anonymous.PostJsonAsync("/api/v1/account/forgot-password", new { userNameOrEmail = "nobody-" + Guid.NewGuid().ToString("N") });
        using var malformed = await anonymous.PostAsync(new Uri("/api/v1/account/forgot-password", UriKind.Relative), new StringContent("{not json", Encoding.UTF8, "application/json"));

        foreach (var response in new[] { known, unknown, malformed })
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
            Assert.Null(response.Headers.Location);
        }
    }
}
