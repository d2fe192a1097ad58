using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>Calls the API the way an integration does: a bearer token from /api/v1/auth/token, JSON, If-Match.</summary>
public static class ApiClient
{
    private static readonly ConditionalWeakTable<PortalFactory, ConcurrentDictionary<string, Lazy<Task<HttpClient>>>> Clients = [];

    /// <summary>A client without cookies and without redirects.</summary>
    public static HttpClient CreateApiClient(this PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public static async Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string userName, string password) =>
        await client.PostAsJsonAsync(new Uri("/api/v1/auth/token", UriKind.Relative), new { userName, password });

    /// <summary>A client carrying a bearer token for this user, one per user and factory (issuing a token hashes a password).</summary>
    public static Task<HttpClient> BearerClientAsync(this PortalFactory factory, string userName, string password = DemoUsers.Password) =>
        Clients.GetOrCreateValue(factory).GetOrAdd(userName, name => new Lazy<Task<HttpClient>>(() => factory.NewBearerClientAsync(name, password))).Value;

    /// <summary>A client with a token of its own (a second session of the same user, say).</summary>
    public static async Task<HttpClient> NewBearerClientAsync(this PortalFactory factory, string userName, string password = DemoUsers.Password)
    {
        var client = factory.CreateApiClient();
        using var response = await client.RequestTokenAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body ?? new { }) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body, string? ifMatch)
    {
        ArgumentNullException.ThrowIfNull(client);
        // A string is JSON text already (a whole report, as an integration would hold it), sent as it is.
        HttpContent content = body is string json ? new StringContent(json, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = content };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The ETag of a response, exactly as sent (quotes included).</summary>
    public static string ETag(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag.");
    }

    /// <summary>The campaign the demo seeds (FY 2567, open, paper copy required).</summary>
    public static async Task<int> DemoCampaignIdAsync(this HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var campaigns = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/campaigns", UriKind.Relative));
        return campaigns.EnumerateArray().Single(c => c.GetProperty("fiscalYear").GetInt32() == 2567).GetProperty("id").GetInt32();
    }

    /// <summary>Creates (or gets) the caller's submission, fills it and submits it; returns its id and ETag.</summary>
    public static async Task<(int Id, string ETag, string State)> CreateAndSubmitAsync(this HttpClient municipality)
    {
        var campaignId = await municipality.DemoCampaignIdAsync();
        using var created = await municipality.PostJsonAsync($"/api/v1/campaigns/{campaignId}/submissions");
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"create answered {(int)created.StatusCode}");
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        using var saved = await municipality.PutJsonAsync($"/api/v1/submissions/{id}/answers", Core.Tests.Forms.DefaultTemplateAnswers.CompleteWithoutFiles, created.ETag());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using var submitted = await municipality.PostJsonAsync($"/api/v1/submissions/{id}/actions/submit", new { comment = "ส่งรายงาน" }, saved.ETag());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return (id, submitted.ETag(), (await submitted.JsonAsync()).GetProperty("state").GetString()!);
    }

    /// <summary>
    /// A town municipality in another province (80, Nakhon Si Thammarat) with its own submitter,
    /// written straight into the database: nothing of the demo province reaches it.
    /// </summary>
    public static async Task<string> AddForeignMunicipalityAsync(this PortalFactory factory, string code = "809901")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var userName = $"muni-{code}";
        var orgUnitId = await factory.QueryAsync(async db =>
        {
            var province = db.OrgUnits.Single(o => o.Kind == OrgUnitKind.ProvinceOffice && o.Code == "80");
            var unit = new OrgUnit
            {
                Code = code,
                NameTh = "เทศบาลเมืองทดสอบ",
                NameEn = "Test Town Municipality",
                Kind = OrgUnitKind.Municipality,
                Class = MunicipalityClass.Town,
                ParentId = province.Id,
                Path = OrgUnit.ChildPath(province.Path, code),
                ProvinceCode = "80",
                DistrictCode = "8001",
                IsDemo = true,
            };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = userName, DisplayName = "ผู้ทดสอบ ต่างจังหวัด", LockoutEnabled = true, IsDemo = true };
        var created = await users.CreateAsync(user, DemoUsers.Password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await factory.QueryAsync(db =>
        {
            db.Memberships.Add(new Membership { UserId = user.Id, OrgUnitId = orgUnitId, Role = PortalRoles.MunicipalitySubmitter, CreatedUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        return userName;
    }
}
