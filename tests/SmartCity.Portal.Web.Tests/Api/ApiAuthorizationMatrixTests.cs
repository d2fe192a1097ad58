using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Api;

/// <summary>
/// Two submissions: Ao Nang's (ตำบล, Krabi) waiting at district 8101, and a town municipality's in
/// another province (80) waiting at its provincial office. Every tier reads both and tries every
/// action and an answers save on both, with the ETag as it is now, except where the request would
/// pass every check (412 in the table): there with an out-of-date one, so that nothing moves.
/// </summary>
public sealed class ApiAuthorizationMatrixTests(ApiMatrixFactory factory) : IClassFixture<ApiMatrixFactory>
{
    private static readonly string[] Actions = ["submit", "forward", "return", "resubmit", "withdraw", "accept", "extend"];

    private const int Ok = 200;
    private const int Forbidden = 403;
    private const int NotFound = 404;
    private const int Conflict = 409;
    private const int Stale = 412;

    /// <summary>user → (read, actions in <see cref="Actions"/> order, answers) for the own-jurisdiction and the foreign submission.</summary>
    private static readonly Dictionary<string, (Expected Own, Expected Foreign)> Matrix = new(StringComparer.Ordinal)
    {
        ["muni-810116"] = (
            new(Ok, [Conflict, Forbidden, Forbidden, Conflict, Conflict, Forbidden, Forbidden], Conflict),
            new(NotFound, [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound], NotFound)),
        ["district-8101"] = (
            new(Ok, [Forbidden, Stale, Stale, Forbidden, Forbidden, Forbidden, Conflict], Forbidden),
            new(NotFound, [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound], NotFound)),
        ["province-81"] = (
            new(Ok, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict], Forbidden),
            new(NotFound, [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound, NotFound], NotFound)),
        // DLA and the administrator cover every province: the other one is inside their jurisdiction, still not theirs to move.
        ["dla"] = (
            new(Ok, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict, Conflict], Forbidden),
            new(Ok, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Conflict, Conflict], Forbidden)),
        ["admin"] = (
            new(Ok, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden], Forbidden),
            new(Ok, [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden], Forbidden)),
    };

    public static TheoryData<string> Users => [.. Matrix.Keys];

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_read_and_every_action_answers_as_the_matrix_says(string userName)
    {
        var (own, foreign) = await factory.SubmissionsAsync();
        var client = await factory.BearerClientAsync(userName);
        var (expectOwn, expectForeign) = Matrix[userName];

        var failures = new List<string>();
        await CheckAsync(client, own, expectOwn, "own", failures);
        await CheckAsync(client, foreign, expectForeign, "foreign", failures);

        Assert.True(failures.Count == 0, $"{userName}:\n{string.Join('\n', failures)}");

        // Whatever was tried, nothing moved: both still where they were, with their two events.
        var states = await factory.QueryAsync(db => db.Submissions.Where(s => s.Id == own || s.Id == foreign)
            .Select(s => new { s.Id, s.State, s.EventCount }).ToListAsync());
        Assert.Equal(Submissions.SubmissionState.AtDistrict, states.Single(s => s.Id == own).State);
        Assert.Equal(Submissions.SubmissionState.AtProvince, states.Single(s => s.Id == foreign).State);
        Assert.All(states, s => Assert.Equal(2, s.EventCount));
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task The_list_holds_only_what_the_caller_may_read(string userName)
    {
        var (own, foreign) = await factory.SubmissionsAsync();
        var client = await factory.BearerClientAsync(userName);
        var (expectOwn, expectForeign) = Matrix[userName];

        var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/submissions?pageSize=200", UriKind.Relative));

        var ids = list.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(expectOwn.Read == Ok, ids.Contains(own));
        Assert.Equal(expectForeign.Read == Ok, ids.Contains(foreign));
        Assert.Equal(ids.Count, list.GetProperty("total").GetInt32());
    }

    private async Task CheckAsync(HttpClient client, int id, Expected expected, string which, List<string> failures)
    {
        var staleETag = $"\"{Guid.NewGuid():D}\"";
        var currentETag = $"\"{await factory.QueryAsync(db => db.Submissions.Where(s => s.Id == id).Select(s => s.ConcurrencyToken).SingleAsync()):D}\"";
        using (var read = await client.GetAsync(new Uri($"/api/v1/submissions/{id}", UriKind.Relative)))
        {
            Expect(failures, $"{which} GET", expected.Read, read);
            await ExpectProblemUnlessOk(failures, $"{which} GET", read);
        }

        for (var i = 0; i < Actions.Length; i++)
        {
            using var response = await client.PostJsonAsync($"/api/v1/submissions/{id}/actions/{Actions[i]}", new { comment = "ทดสอบสิทธิ์" }, expected.Actions[i] == Stale ? staleETag : currentETag);
            Expect(failures, $"{which} {Actions[i]}", expected.Actions[i], response);
            await ExpectProblemUnlessOk(failures, $"{which} {Actions[i]}", response);
        }

        if (expected.Read == NotFound)
        {
            // An out-of-date ETag tells an outsider nothing either: still 404, not 412.
            using var outsider = await client.PostJsonAsync($"/api/v1/submissions/{id}/actions/forward", new { comment = "x" }, staleETag);
            Expect(failures, $"{which} forward with a stale ETag", NotFound, outsider);
        }

        using var put = await client.PutJsonAsync($"/api/v1/submissions/{id}/answers", new { org = new { name = "เทศบาลที่ไม่ใช่ของท่าน" } }, expected.Answers == Stale ? staleETag : currentETag);
        Expect(failures, $"{which} PUT answers", expected.Answers, put);
    }

    private static void Expect(List<string> failures, string what, int expected, HttpResponseMessage response)
    {
        if ((int)response.StatusCode != expected)
        {
            failures.Add($"{what}: expected {expected}, got {(int)response.StatusCode}");
        }
    }

    private static async Task ExpectProblemUnlessOk(List<string> failures, string what, HttpResponseMessage response)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what}: not problem details ({response.Content.Headers.ContentType})");
            return;
        }

        var problem = await response.JsonAsync();
        if (!problem.TryGetProperty("titleEn", out _) || !problem.TryGetProperty("code", out _) || problem.TryGetProperty("stackTrace", out _))
        {
            failures.Add($"{what}: problem details without titleEn/code");
        }
    }

    public sealed record Expected(int Read, int[] Actions, int Answers);
}

/// <summary>The matrix's host, with its two submissions made once through the API.</summary>
public sealed class ApiMatrixFactory : PortalFactory
{
    private readonly Lazy<Task<(int Own, int Foreign)>> submissions;

    public ApiMatrixFactory() => submissions = new(SetUpAsync);

    public Task<(int Own, int Foreign)> SubmissionsAsync() => submissions.Value;

    private async Task<(int Own, int Foreign)> SetUpAsync()
    {
        var (own, _, ownState) = await (await this.BearerClientAsync("muni-810116")).CreateAndSubmitAsync();
        Assert.Equal("atDistrict", ownState);
        var foreignUser = await this.AddForeignMunicipalityAsync();
        var (foreign, _, foreignState) = await (await this.BearerClientAsync(foreignUser)).CreateAndSubmitAsync();
        Assert.Equal("atProvince", foreignState);
        return (own, foreign);
    }
}
