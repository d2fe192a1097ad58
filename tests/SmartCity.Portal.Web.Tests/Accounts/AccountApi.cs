using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Accounts;

/// <summary>Account calls as an integration makes them; each returns what the next step needs.</summary>
internal static class AccountApi
{
    public const string GoodPassword = "ทะเลกระบี่สวยมาก 2569";

    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// <summary>Creates an account through the API and returns its id and set-password URL (null when e-mailed).</summary>
    public static async Task<(string Id, string? Url, JsonElement Body)> CreateUserAsync(HttpClient admin, string userName, string office, string role, string? email = null)
    {
        using var response = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            userName,
            displayName = "ผู้ใช้ทดสอบ " + userName,
            email,
            memberships = new[] { new { officeCode = office, role } },
        });
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {body}");
        return (body.GetProperty("id").GetString()!, body.GetProperty("setPasswordUrl").GetString(), body);
    }

    public static string TokenOf(string url) => Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    /// <summary>Sets the password with the link's token, anonymously, as the person would.</summary>
    public static async Task SetPasswordAsync(PortalFactory factory, string url, string password = GoodPassword)
    {
        using var anonymous = factory.CreateApiClient();
        using var response = await anonymous.PostJsonAsync("/api/v1/account/set-password", new { token = TokenOf(url), newPassword = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A new account with a password, signed in with a bearer token of its own.</summary>
    public static async Task<(string Id, HttpClient Client)> ReadyUserAsync(PortalFactory factory, HttpClient admin, string office, string role, string prefix = "u")
    {
        var name = NewName(prefix);
        var (id, url, _) = await CreateUserAsync(admin, name, office, role);
        await SetPasswordAsync(factory, url!);
        return (id, await factory.NewBearerClientAsync(name, GoodPassword));
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
