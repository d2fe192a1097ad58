using System.Net;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>Local sign-in over plain HTTP, as the static login form is used by a browser.</summary>
public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> TierHomes()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in DemoUsers.OnePerTier)
        {
            data.Add(user.UserName, user.HomePath);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TierHomes))]
    public async Task The_right_password_redirects_to_root_and_root_to_the_tier_home(string userName, string homePath)
    {
        using var client = factory.CreatePortalClient();

        using var signIn = await client.PostLoginAsync(userName, DemoUsers.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.RedirectTarget());

        using var root = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal(homePath, root.RedirectPath());

        using var home = await client.GetAsync(homePath);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_Thai_error_and_signs_nobody_in()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.PostLoginAsync("district-8102", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var home = await client.GetAsync("/district");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(PortalHttp.LoginPath, home.RedirectPath());
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_message_as_a_wrong_password()
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.PostLoginAsync("nobody-here", DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        // An account no other test of this class signs in with: the lockout lasts 15 minutes.
        const string userName = "muni-810116";
        using var client = factory.CreatePortalClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.PostLoginAsync(userName, $"wrong-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await client.PostLoginAsync(userName, DemoUsers.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var body = await right.Content.ReadAsStringAsync();
        Assert.Contains("ระงับชั่วคราว", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", body, StringComparison.Ordinal);
        using var home = await client.GetAsync("/municipality");
        Assert.Equal(PortalHttp.LoginPath, home.RedirectPath());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/municipality")]
    [InlineData("/district")]
    [InlineData("/province")]
    [InlineData("/dla")]
    [InlineData("/admin")]
    [InlineData("/org-units/1")]
    public async Task Anonymous_requests_are_sent_to_the_login_page(string path)
    {
        using var client = factory.CreatePortalClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PortalHttp.LoginPath, response.RedirectPath());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = factory.CreatePortalClient();
        await client.SignInAsync("district-8103");
        // The logout form in the layout carries the antiforgery token.
        var token = await client.GetAntiforgeryTokenAsync(new Uri("/district", UriKind.Relative));

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal) { ["__RequestVerificationToken"] = token });
        using var logout = await client.PostAsync(new Uri("/account/logout", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(PortalHttp.LoginPath, logout.RedirectPath());
        using var home = await client.GetAsync("/district");
        Assert.Equal(PortalHttp.LoginPath, home.RedirectPath());
    }
}
