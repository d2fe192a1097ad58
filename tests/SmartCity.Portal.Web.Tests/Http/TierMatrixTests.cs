using System.Net;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Http;

/// <summary>
/// Five roles × five tier homes. The server refuses another tier's page before anything renders:
/// the cookie handler answers with a redirect to the access-denied page (or a 403), never a 200.
/// </summary>
public sealed class TierMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string> Matrix()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in DemoUsers.OnePerTier)
        {
            foreach (var home in DemoUsers.OnePerTier)
            {
                data.Add(user.UserName, home.HomePath);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_opens_its_own_tier_home_and_no_other(string userName, string path)
    {
        var user = DemoUsers.ByUserName(userName);
        var client = await factory.SignedInClientAsync(userName);

        using var response = await client.GetAsync(path);

        if (path == user.HomePath)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains(user.HeadingTh, body, StringComparison.Ordinal);
            Assert.Contains(user.OfficeNameTh, body, StringComparison.Ordinal);
        }
        else
        {
            Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && response.RedirectPath() == "/account/access-denied"),
                $"{userName} GET {path}: expected 302 to /account/access-denied or 403, got {(int)response.StatusCode} {response.RedirectTarget()}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(DemoUsers.ByHomePath(path).HeadingTh, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_access_denied_page_explains_in_Thai()
    {
        var client = await factory.SignedInClientAsync(DemoUsers.Municipality.UserName);

        using var response = await client.GetAsync("/account/access-denied");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ไม่มีสิทธิ์เข้าถึง", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
