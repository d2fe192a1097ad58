using System.Text.Json;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Campaigns;
using SmartCity.Portal.Common;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Web.Api;

// What the API sends and takes. Names are camelCase on the wire, enums camelCase strings, and
// every instant is ISO 8601 in Bangkok time with its offset (+07:00); storage stays UTC.

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record OrgRefDto(int Id, string Code, string Name, string? NameEn)
{
    public static OrgRefDto From(OrgRef o) => new(o.Id, o.Code, o.NameTh, o.NameEn);
}

public sealed record OrgUnitDto(
    int Id, string Code, string Name, string? NameEn, OrgUnitKind Kind, MunicipalityClass? Class,
    int? ParentId, string? ProvinceCode, string? DistrictCode, bool IsDemo)
{
    public static OrgUnitDto From(OrgUnitSummary o) =>
        new(o.Id, o.Code, o.NameTh, o.NameEn, o.Kind, o.Class, o.ParentId, o.ProvinceCode, o.DistrictCode, o.IsDemo);
}

public sealed record MeOrgUnitDto(int Id, string Code, string Name, string? NameEn, OrgUnitKind Kind, string Role, bool Active);

public sealed record MeDto(
    string UserId, string UserName, string DisplayName, string Role, IReadOnlyList<string> Roles, int ActiveOrgUnitId, IReadOnlyList<MeOrgUnitDto> OrgUnits);

public sealed record PageDto<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record RoutingDto(IReadOnlyList<MunicipalityClass> ViaDistrict);

public sealed record CampaignDto(
    int Id, int FiscalYear, string Title, string LetterNo, DateTimeOffset LetterDate, CampaignState State, bool PaperCopyRequired,
    RoutingDto Routing, DateTimeOffset SubmissionDeadline, DateTimeOffset DlaDeadline, DateTimeOffset EffectiveDeadline)
{
    public static CampaignDto From(CampaignSummary c) => new(
        c.Id, c.FiscalYear, c.Title, c.LetterNo, ApiTime.Bangkok(c.LetterDateUtc), c.State, c.PaperCopyRequired,
        new RoutingDto(Enum.GetValues<MunicipalityClass>().Where(c.Routing.PassesDistrict).ToList()),
        ApiTime.Bangkok(c.SubmissionDeadlineUtc), ApiTime.Bangkok(c.DlaDeadlineUtc), ApiTime.Bangkok(c.EffectiveDeadlineUtc));
}

/// <summary>An office's own deadline, with its offset (e.g. "2024-08-15T16:30:00+07:00"); stored as UTC.</summary>
public sealed record DeadlineRequestDto(DateTimeOffset? Deadline);

public sealed record SubmissionListItemDto(
    int Id, int CampaignId, OrgRefDto Municipality, MunicipalityClass? MunicipalityClass, string? ProvinceCode, string? DistrictCode,
    SubmissionState State, OrgRefDto Holder, string? ReferenceNo, DateTimeOffset? Submitted, DateTimeOffset Updated, bool IsDemo)
{
    public static SubmissionListItemDto From(SubmissionListItem s) => new(
        s.Id, s.CampaignId, OrgRefDto.From(s.Municipality), s.MunicipalityClass, s.ProvinceCode, s.DistrictCode, s.State,
        OrgRefDto.From(s.Holder), s.ReferenceNo, ApiTime.Bangkok(s.SubmittedUtc), ApiTime.Bangkok(s.UpdatedUtc), s.IsDemo);
}

public sealed record SubmissionEventDto(
    int Sequence, string Action, string FromState, string ToState, string UserName, int? ActingOrgUnitId, string? Comment, DateTimeOffset OccurredAt)
{
    public static SubmissionEventDto From(SubmissionEventView e) => new(
        e.Sequence, e.Action, JsonNamingPolicy.CamelCase.ConvertName(e.FromState), JsonNamingPolicy.CamelCase.ConvertName(e.ToState),
        e.UserName, e.ActingOrgUnitId, e.Comment, ApiTime.Bangkok(e.OccurredUtc));
}

/// <summary>
/// One report. <c>forwardTo</c> names the office a permitted forward hands it to; <c>forwardByDispatch</c> says that
/// this forward goes under a cover letter (<c>POST /api/v1/dispatches</c>), never through <c>actions/forward</c> (decision 0018).
/// </summary>
public sealed record SubmissionDetailDto(
    int Id, int CampaignId, OrgRefDto Municipality, MunicipalityClass? MunicipalityClass, string? ProvinceCode, string? DistrictCode,
    SubmissionState State, OrgRefDto Holder, OrgRefDto? ReturnedBy, string? ReferenceNo, JsonElement Answers,
    DateTimeOffset EffectiveDeadline, DateTimeOffset? ExtendedDeadline, DateTimeOffset? PaperCopyReceived, DateTimeOffset? Submitted,
    DateTimeOffset Created, DateTimeOffset Updated, string Etag,
    IReadOnlyList<WorkflowAction> PermittedActions, IReadOnlyList<SubmissionEventDto> History, bool IsDemo, int? FormVersionId,
    OrgRefDto? ForwardTo, bool ForwardByDispatch)
{
    public static SubmissionDetailDto From(SubmissionDetail s)
    {
        ArgumentNullException.ThrowIfNull(s);
        using var answers = JsonDocument.Parse(string.IsNullOrWhiteSpace(s.AnswersJson) ? "{}" : s.AnswersJson);
        return new(
            s.Id, s.CampaignId, OrgRefDto.From(s.Municipality), s.MunicipalityClass, s.ProvinceCode, s.DistrictCode, s.State,
            OrgRefDto.From(s.Holder), s.ReturnedBy is { } r ? OrgRefDto.From(r) : null, s.ReferenceNo, answers.RootElement.Clone(),
            ApiTime.Bangkok(s.EffectiveDeadlineUtc), ApiTime.Bangkok(s.ExtendedDeadlineUtc), ApiTime.Bangkok(s.PaperCopyReceivedUtc),
            ApiTime.Bangkok(s.SubmittedUtc), ApiTime.Bangkok(s.CreatedUtc), ApiTime.Bangkok(s.UpdatedUtc), ETags.Format(s.ConcurrencyToken),
            s.PermittedActions, s.History.Select(SubmissionEventDto.From).ToList(), s.IsDemo, s.FormVersionId,
            s.ForwardTo is { } to ? OrgRefDto.From(to) : null, s.ForwardNeedsDispatch);
    }
}

/// <summary>The body of <c>POST /submissions/{id}/actions/{action}</c>; <c>extendedDeadline</c> only for <c>extend</c>.</summary>
public sealed record ActionRequestDto(string? Comment, DateTimeOffset? ExtendedDeadline);

public sealed record ActionResultDto(int Id, SubmissionState State, long EventId, string Etag);

/// <summary>One selected report and the ETag it was read with.</summary>
public sealed record BulkItemDto(int Id, string? Etag);

public sealed record BulkForwardRequestDto(IReadOnlyList<BulkItemDto>? Items, string? Comment);

/// <summary>Per report: done (with its new ETag) or refused with the same code and titles a single action would give.</summary>
public sealed record BulkItemResultDto(int Id, string? Municipality, string? MunicipalityEn, bool Ok, string? Etag, string? Code, string? Title, string? TitleEn)
{
    public static BulkItemResultDto From(BulkItemOutcome o) => new(
        o.SubmissionId, o.MunicipalityNameTh, o.MunicipalityNameEn, o.Succeeded,
        o.ConcurrencyToken is { } t ? ETags.Format(t) : null, o.Error?.Code, o.Error?.Th, o.Error?.En);
}

public sealed record BulkResultDto(int Succeeded, int Failed, IReadOnlyList<BulkItemResultDto> Items);

public sealed record AnswersSavedDto(int Id, string Etag);

public sealed record AuditVerificationDto(bool Ok, long Events, long? FirstBrokenId)
{
    public static AuditVerificationDto From(AuditVerification v) => new(v.Ok, v.Events, v.FirstBrokenId);
}

/// <summary>Instants on the wire: Bangkok wall-clock time with its +07:00 offset.</summary>
public static class ApiTime
{
    public static DateTimeOffset Bangkok(DateTime utc) => new(ThaiTime.ToBangkok(utc), ThaiTime.BangkokOffset);

    public static DateTimeOffset? Bangkok(DateTime? utc) => utc is { } value ? Bangkok(value) : null;
}
