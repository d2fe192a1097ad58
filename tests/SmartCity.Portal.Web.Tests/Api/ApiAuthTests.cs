using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>Bearer tokens, the 401 an API caller gets instead of the login page, and the OpenAPI document.</summary>
public sealed class ApiAuthTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_good_password_gets_a_bearer_token_that_the_API_accepts()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.RequestTokenAsync(DemoUsers.District.UserName, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var token = body.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(body.GetProperty("expiresIn").GetInt64() > 0);

        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/me", UriKind.Relative));
        me.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var meResponse = await client.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, meResponse.StatusCode);
        var who = await meResponse.JsonAsync();
        Assert.Equal("district-8101", who.GetProperty("userName").GetString());
        Assert.Equal("District.Officer", who.GetProperty("role").GetString());
        var office = Assert.Single(who.GetProperty("orgUnits").EnumerateArray());
        Assert.Equal("8101", office.GetProperty("code").GetString());
        Assert.Equal("districtOffice", office.GetProperty("kind").GetString());
        Assert.True(office.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task A_bad_password_is_401_problem_details_in_Thai_and_English()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.RequestTokenAsync("muni-810103", "not-the-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", problem.GetProperty("title").GetString());
        Assert.Equal("The user name or password is incorrect.", problem.GetProperty("titleEn").GetString());
        Assert.Equal("bad-credentials", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("accessToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_is_401_too()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.RequestTokenAsync("nobody-here", DemoUsers.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("bad-credentials", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_and_the_right_password_no_longer_helps()
    {
        using var client = factory.CreateApiClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.RequestTokenAsync("muni-810601", "wrong-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var response = await client.RequestTokenAsync("muni-810601", DemoUsers.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("locked-out", (await response.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_credentials_the_API_answers_401_json_not_a_redirect_to_the_login_page()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("unauthenticated", (await response.JsonAsync()).GetProperty("code").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task An_unknown_API_path_is_401_json_without_credentials_and_404_json_with_them()
    {
        using var anonymous = factory.CreateApiClient();
        var signedIn = await factory.BearerClientAsync(DemoUsers.Dla.UserName);

        using var unauthenticated = await anonymous.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative));
        using var missing = await signedIn.GetAsync(new Uri("/api/v1/submissions/not-a-number", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("no-such-endpoint", (await missing.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_forged_token_is_401()
    {
        using var client = factory.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/submissions", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-real-token");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_pages_cookie_works_for_the_API_as_well()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.Province.UserName);

        var me = await client.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/v1/me", UriKind.Relative));

        Assert.Equal("province-81", me.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task The_OpenAPI_document_is_public_JSON_describing_the_API()
    {
        using var client = factory.CreateApiClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = await response.JsonAsync();
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/submissions", out _));
        Assert.True(paths.TryGetProperty("/api/v1/submissions/{id}/actions/{action}", out _));
        Assert.False(paths.TryGetProperty("/account/logout", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        var states = document.GetProperty("components").GetProperty("schemas").GetProperty("SubmissionState").GetProperty("enum");
        Assert.Contains("atDistrict", states.EnumerateArray().Select(e => e.GetString()));
    }
}
