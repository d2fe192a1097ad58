using SmartCity.Portal.Common;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Submissions;

namespace SmartCity.Portal.Registers;

public enum DispatchStatus
{
    All,
    Outstanding,
    Received,
}

public sealed record DispatchFilter(int? CampaignId = null, DispatchStatus Status = DispatchStatus.All, string? ProvinceCode = null);

/// <summary>A report the province may put into a dispatch now, or could once what blocks it is done.</summary>
public sealed record DispatchCandidate(
    int SubmissionId, OrgRef Municipality, MunicipalityClass? MunicipalityClass, string? DistrictCode, string? ReferenceNo,
    bool PaperCopyRequired, bool PaperCopyReceived, string? PaperReceiveNo, PortalMessage? Blocked, Guid ConcurrencyToken)
{
    public bool CanDispatch => Blocked is null;
}

public sealed record DispatchSummary(
    int Id, int CampaignId, OrgRef From, string? ProvinceCode, string LetterNo, int Year, int Number, DateTime LetterDate,
    DateTime SentUtc, string SentByUserName, int ItemCount, string? ReceiveNo, DateTime? ReceivedDate, DateTime? ReceivedUtc, string? ReceivedByUserName)
{
    public bool IsReceived => ReceivedUtc is not null;
}

/// <summary>One report of a dispatch as the cover letter lists it.</summary>
public sealed record DispatchItemView(
    int SubmissionId, OrgRef Municipality, string? DistrictNameTh, string? DistrictNameEn, string? ReferenceNo, string? PaperReceiveNo);

public sealed record DispatchDetail(
    DispatchSummary Summary, string CampaignTitle, string CampaignLetterNo, DateTime CampaignLetterDateUtc, int CampaignFiscalYear,
    string FromProvinceNameTh, string ToNameTh, string SendSubject, string? ReceiveNote, IReadOnlyList<DispatchItemView> Items);

public sealed record DispatchCreated(int Id, string LetterNo, string SendNo, IReadOnlyList<int> SubmissionIds);
