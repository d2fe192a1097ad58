using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Organisations;

namespace SmartCity.Portal.Submissions;

/// <summary>
/// The report as filed: the submission, the form version it was filled against (null for a report
/// that started before the campaign had a form), its answers, its campaign and its evidence files.
/// What the print page, the receipt and the offices' read-only view show.
/// </summary>
public sealed record SubmissionReport(
    SubmissionDetail Detail,
    CampaignSummary Campaign,
    FormVersionView? Form,
    JsonObject Answers,
    IReadOnlyList<AttachmentInfo> Attachments,
    string? ProvinceNameTh,
    string? DistrictNameTh)
{
    /// <summary>Not yet sent up the chain: the print says so, so a draft copy is never mistaken for the filed one.</summary>
    public bool IsDraft => Detail.SubmittedUtc is null;
}

/// <summary>
/// Reads <see cref="SubmissionReport"/>. It lives with submissions rather than forms because what it
/// answers is "may this caller see this submission", and that rule is <see cref="SubmissionService.GetAsync"/>'s:
/// the municipality its own, offices within their jurisdiction, 404 for everything else. It composes
/// the existing services, so each piece is checked by the same code that guards it elsewhere.
/// </summary>
public sealed class SubmissionReportService(
    SubmissionService submissions, CampaignService campaigns, FormService forms, AttachmentService attachments)
{
    public async Task<SubmissionReport> GetReportAsync(ClaimsPrincipal user, int submissionId, CancellationToken cancellationToken = default)
    {
        // First, and on its own: it is the jurisdiction check (404 outside), before anything else is read.
        var detail = await submissions.GetAsync(user, submissionId, cancellationToken);
        var campaign = await campaigns.GetAsync(user, detail.CampaignId, cancellationToken);
        // The submission's own version, never the newest: a report is read against the form it was filled on.
        var form = detail.FormVersionId is { } versionId ? await forms.GetVersionAsync(user, versionId, cancellationToken) : null;
        var files = await attachments.ListAsync(user, submissionId, cancellationToken);
        return new SubmissionReport(
            detail, campaign, form, ParseAnswers(detail.AnswersJson), files,
            ReferenceData.Provinces.FirstOrDefault(p => p.Code == detail.ProvinceCode)?.NameTh,
            ReferenceData.Districts.FirstOrDefault(d => d.Code == detail.DistrictCode)?.NameTh);
    }

    /// <summary>The stored answers as an object; anything else (never written by the service, but old rows exist) reads as unanswered.</summary>
    public static JsonObject ParseAnswers(string? answersJson)
    {
        if (string.IsNullOrWhiteSpace(answersJson))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(answersJson) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
