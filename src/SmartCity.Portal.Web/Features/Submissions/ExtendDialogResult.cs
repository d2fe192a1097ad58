namespace SmartCity.Portal.Web.Features.Submissions;

/// <summary>What the extension dialog hands back: the new deadline (UTC) and the reason.</summary>
public sealed record ExtendDialogResult(DateTime DeadlineUtc, string Reason);
