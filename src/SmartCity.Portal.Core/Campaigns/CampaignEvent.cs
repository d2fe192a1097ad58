using System.Globalization;
using System.Text.Json;

namespace SmartCity.Portal.Campaigns;

/// <summary>
/// One thing DLA did to a round: created, changed (which fields, from what to what), opened, closed, a form
/// version published, a document added or removed. Written in the same SaveChanges as the change, so the
/// record of who moved a deadline can never be missing; rows are only ever added.
/// </summary>
public class CampaignEvent
{
    public const int DetailMaxLength = 4000;

    public long Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    /// <summary><c>create</c>, <c>update</c>, <c>open</c>, <c>close</c>, <c>publish-form</c>, <c>document-add</c>, <c>document-remove</c>.</summary>
    public string Action { get; set; } = "";

    public string UserName { get; set; } = "";

    public DateTime OccurredUtc { get; set; }

    /// <summary>
    /// Invariant, for programs and the page to format: for <c>update</c> a JSON array of
    /// <c>{"field","from","to"}</c> (dates as ISO UTC), otherwise a version number or a file name.
    /// </summary>
    public string? Detail { get; set; }
}

/// <summary>One changed field of an <c>update</c> event, values invariant (ISO UTC for instants).</summary>
public sealed record CampaignFieldChange(string Field, string? From, string? To);

/// <summary>An event as DLA's page shows it.</summary>
public sealed record CampaignEventView(string Action, string UserName, DateTime OccurredUtc, string? Detail, IReadOnlyList<CampaignFieldChange> Changes);

internal static class CampaignEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>For a campaign being saved in the same SaveChanges (a new one has no id yet: the navigation carries it).</summary>
    public static CampaignEvent New(Campaign campaign, string action, string userName, DateTime nowUtc, string? detail = null)
    {
        var e = New(campaign.Id, action, userName, nowUtc, detail);
        e.Campaign = campaign;
        return e;
    }

    public static CampaignEvent New(int campaignId, string action, string userName, DateTime nowUtc, string? detail = null) =>
        new() { CampaignId = campaignId, Action = action, UserName = userName, OccurredUtc = nowUtc, Detail = Truncate(detail) };

    /// <summary>What an update changes, field by field; empty when nothing does (then no event is written).</summary>
    public static List<CampaignFieldChange> Changes(CampaignDetails before, CampaignDetails after)
    {
        var changes = new List<CampaignFieldChange>();
        void Add(string field, string? from, string? to)
        {
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                changes.Add(new(field, from, to));
            }
        }

        Add("title", before.Title, after.Title);
        Add("fiscalYear", Invariant(before.FiscalYear), Invariant(after.FiscalYear));
        Add("letterNo", before.LetterNo, after.LetterNo);
        Add("letterDate", Iso(before.LetterDateUtc), Iso(after.LetterDateUtc));
        Add("submissionDeadline", Iso(before.SubmissionDeadlineUtc), Iso(after.SubmissionDeadlineUtc));
        Add("dlaDeadline", Iso(before.DlaDeadlineUtc), Iso(after.DlaDeadlineUtc));
        Add("paperCopyRequired", before.PaperCopyRequired ? "true" : "false", after.PaperCopyRequired ? "true" : "false");
        Add("routing", Routing(before), Routing(after));
        return changes;
    }

    public static string Serialize(IReadOnlyList<CampaignFieldChange> changes) => JsonSerializer.Serialize(changes, Json);

    public static CampaignEventView View(CampaignEvent e)
    {
        var changes = e.Action == "update" && e.Detail is { } detail ? Parse(detail) : [];
        return new(e.Action, e.UserName, DateTime.SpecifyKind(e.OccurredUtc, DateTimeKind.Utc), e.Action == "update" ? null : e.Detail, changes);
    }

    private static List<CampaignFieldChange> Parse(string detail)
    {
        try
        {
            return JsonSerializer.Deserialize<List<CampaignFieldChange>>(detail, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Routing(CampaignDetails d) =>
        string.Join(",", d.Routing.ViaDistrict.Where(p => p.Value).Select(p => p.Key.ToString()).Order(StringComparer.Ordinal));

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Truncate(string? value) => value is { Length: > CampaignEvent.DetailMaxLength } ? value[..CampaignEvent.DetailMaxLength] : value;
}
