using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Submissions;

public sealed record OrgRef(int Id, string Code, string NameTh, string? NameEn)
{
    public string DisplayName(bool english) => english && !string.IsNullOrEmpty(NameEn) ? NameEn : NameTh;
}

public sealed record SubmissionListItem(
    int Id, int CampaignId, OrgRef Municipality, MunicipalityClass? MunicipalityClass, string? ProvinceCode, string? DistrictCode,
    SubmissionState State, OrgRef Holder, string? ReferenceNo, DateTime? SubmittedUtc, DateTime UpdatedUtc, bool IsDemo, bool IsSynthetic = false);

/// <summary>One audited step; <see cref="DisplayName"/> and the office name are looked up for people to read (the event itself keeps the user name).</summary>
public sealed record SubmissionEventView(
    int Sequence, string Action, string FromState, string ToState, string UserName, int? ActingOrgUnitId, string? Comment, DateTime OccurredUtc,
    string? DisplayName = null, string? ActingOfficeNameTh = null, string? ActingOfficeNameEn = null);

public sealed record SubmissionDetail(
    int Id, int CampaignId, OrgRef Municipality, MunicipalityClass? MunicipalityClass, string? ProvinceCode, string? DistrictCode,
    SubmissionState State, OrgRef Holder, OrgRef? ReturnedBy, string? ReferenceNo, string AnswersJson,
    DateTime EffectiveDeadlineUtc, DateTime? ExtendedDeadlineUtc, DateTime? PaperCopyReceivedUtc, DateTime? SubmittedUtc,
    DateTime CreatedUtc, DateTime UpdatedUtc, Guid ConcurrencyToken,
    IReadOnlyList<WorkflowAction> PermittedActions, IReadOnlyList<SubmissionEventView> History, bool IsDemo, bool IsSynthetic = false,
    int? FormVersionId = null, OrgRef? ForwardTo = null, bool ForwardNeedsDispatch = false, bool PaperCopyRequired = false);

public sealed record SubmissionQuery(
    int? CampaignId = null, SubmissionState? State = null, string? ProvinceCode = null, string? DistrictCode = null, int Page = 1, int PageSize = 50);

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record ActionRequest(WorkflowAction Action, Guid ConcurrencyToken, string? Comment = null, DateTime? ExtendedDeadlineUtc = null);

public sealed record ActionResult(int SubmissionId, SubmissionState State, Guid ConcurrencyToken, long EventId);
