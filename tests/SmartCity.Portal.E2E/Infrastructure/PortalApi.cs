using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCity.Portal.Core.Tests.Forms;

namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>
/// The public API of the running portal, for the steps of a journey that are not what it is
/// about (a municipality submitting its report before the province's day begins).
/// </summary>
public sealed class PortalApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public async Task<int> SubmitReportAsync(string userName, string password = BrowserJourney.DemoPassword)
    {
        var token = await TokenAsync(userName, password);
        var (id, etag) = await SaveCompleteAnswersAsync(token);
        await SendAsync(HttpMethod.Post, $"api/v1/submissions/{id}/actions/submit", token, new { }, etag);
        return id;
    }

    /// <summary>Starts (or opens) the report and saves a complete answer set for the default template; returns its id.</summary>
    public async Task<int> SaveCompleteAnswersAsync(string userName, string password = BrowserJourney.DemoPassword) =>
        (await SaveCompleteAnswersAsync(await TokenAsync(userName, password))).Id;

    /// <summary>
    /// The complete answers of the Core tests without their file answers: those name attachment ids of
    /// another database, and a journey that is not about files has none to attach.
    /// </summary>
    public static JsonObject CompleteAnswers()
    {
        var answers = JsonNode.Parse(DefaultTemplateAnswers.Complete)!.AsObject();
        answers["vision"]!.AsObject().Remove("localPlanFiles");
        foreach (var group in new[] { "projects", "awards" })
        {
            foreach (var item in answers[group]!["items"]!.AsArray())
            {
                item!.AsObject().Remove("evidence");
            }
        }

        return answers;
    }

    private async Task<(int Id, string? ETag)> SaveCompleteAnswersAsync(string token)
    {
        var campaigns = await SendAsync(HttpMethod.Get, "api/v1/campaigns", token);
        var campaignId = campaigns.Json.EnumerateArray().Single(c => c.GetProperty("fiscalYear").GetInt32() == 2567).GetProperty("id").GetInt32();
        var created = await SendAsync(HttpMethod.Post, $"api/v1/campaigns/{campaignId}/submissions", token, new { });
        var id = created.Json.GetProperty("id").GetInt32();
        var current = await SendAsync(HttpMethod.Get, $"api/v1/submissions/{id}", token);
        var saved = await SendAsync(HttpMethod.Put, $"api/v1/submissions/{id}/answers", token, CompleteAnswers(), current.ETag);
        return (id, saved.ETag);
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> TokenAsync(string userName, string password)
    {
        var response = await SendAsync(HttpMethod.Post, "api/v1/auth/token", null, new { userName, password });
        return response.Json.GetProperty("accessToken").GetString()!;
    }

    private async Task<(JsonElement Json, string? ETag)> SendAsync(HttpMethod method, string path, string? token, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {text}");
        }

        return (JsonDocument.Parse(text).RootElement.Clone(), response.Headers.ETag?.ToString());
    }
}
