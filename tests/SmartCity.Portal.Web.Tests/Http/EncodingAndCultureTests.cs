using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>Thai goes out as UTF-8 text (not &amp;#xE..; entities); English is a cookie away.</summary>
public sealed class EncodingAndCultureTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string CultureCookie = ".AspNetCore.Culture";

    [Fact]
    public async Task The_login_page_is_Thai_UTF8_text()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync(PortalHttp.LoginPath);

        await AssertThaiUtf8Async(response, "เข้าสู่ระบบ");
    }

    [Fact]
    public async Task Root_leads_an_anonymous_visitor_to_the_Thai_login_page()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

        using var response = await client.GetAsync("/");

        Assert.Equal(PortalHttp.LoginPath, response.RequestMessage?.RequestUri?.AbsolutePath);
        await AssertThaiUtf8Async(response, "เข้าสู่ระบบ");
    }

    [Fact]
    public async Task A_MudBlazor_page_is_Thai_UTF8_text_too()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.Province.UserName);

        using var response = await client.GetAsync(DemoUsers.Province.HomePath);

        await AssertThaiUtf8Async(response, "ระบบรายงานเมืองน่าอยู่อัจฉริยะ");
    }

    [Fact]
    public async Task Switching_to_English_sets_the_culture_cookie_and_returns_to_the_page()
    {
        using var client = factory.CreatePortalClient();

        using var switched = await client.GetAsync("/culture/en-US?returnUrl=%2Faccount%2Flogin");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal(PortalHttp.LoginPath, switched.RedirectTarget());
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CultureCookie + "=", StringComparison.Ordinal));
        Assert.Contains("en-US", Uri.UnescapeDataString(cookie), StringComparison.Ordinal);

        using var login = await client.GetAsync(PortalHttp.LoginPath);
        var body = await login.Content.ReadAsStringAsync();
        Assert.Contains("Sign in", body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("เข้าสู่ระบบ</h1>", body, StringComparison.Ordinal);

        using var back = await client.GetAsync("/culture/th-TH?returnUrl=%2Faccount%2Flogin");
        using var thai = await client.GetAsync(PortalHttp.LoginPath);
        Assert.Contains("<h1>เข้าสู่ระบบ</h1>", await thai.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("")]
    public async Task An_off_site_return_url_goes_home_instead(string returnUrl)
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync($"/culture/en-US?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.RedirectTarget());
    }

    [Fact]
    public async Task An_unsupported_culture_sets_no_cookie()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync("/culture/fr-FR?returnUrl=%2Faccount%2Flogin");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(CultureCookie, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_browser_language_does_not_switch_to_English()
    {
        using var client = factory.CreatePortalClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(PortalHttp.LoginPath, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

        using var response = await client.SendAsync(request);

        Assert.Contains("<h1>เข้าสู่ระบบ</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task AssertThaiUtf8Async(HttpResponseMessage response, string thai)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet, ignoreCase: true);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(thai, body, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xE", body, StringComparison.OrdinalIgnoreCase);
    }
}
