using System.Net;
using AngleSharp.Html.Parser;

namespace SmartCity.Portal.Web.Tests.Infrastructure;

/// <summary>Signs in the way a browser does: the static login form, its antiforgery token, a form post.</summary>
public static class PortalHttp
{
    public const string LoginPath = "/account/login";

    private static readonly HtmlParser Parser = new();

    public static async Task<HttpResponseMessage> PostLoginAsync(this HttpClient client, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await GetAntiforgeryTokenAsync(client, new Uri(LoginPath, UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(new Uri(LoginPath, UriKind.Relative), form);
    }

    /// <summary>Signs in and checks that it worked: the login form answers with a redirect to "/".</summary>
    public static async Task SignInAsync(this HttpClient client, string userName, string password = DemoUsers.Password)
    {
        using var response = await client.PostLoginAsync(userName, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.RedirectTarget() != "/")
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Sign-in of {userName} answered {(int)response.StatusCode} {response.Headers.Location}: {body[..Math.Min(body.Length, 2000)]}");
        }
    }

    /// <summary>The antiforgery token of the first form on a page (its cookie stays in the client).</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, Uri page)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(page);
        response.EnsureSuccessStatusCode();
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{page} has no antiforgery token.");
    }

    /// <summary>
    /// The Location of a redirect: local targets as path and query (Blazor's NavigateTo writes
    /// them absolute, LocalRedirect relative), anything off-site exactly as the server wrote it.
    /// </summary>
    public static string? RedirectTarget(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        return location.IsAbsoluteUri && location.Scheme == Uri.UriSchemeHttp && location.Authority == "localhost"
            ? location.PathAndQuery
            : location.OriginalString;
    }

    /// <summary>The path of a local redirect's target, without its query string.</summary>
    public static string? RedirectPath(this HttpResponseMessage response)
    {
        var target = response.RedirectTarget();
        var query = target?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        return query < 0 ? target : target![..query];
    }
}
