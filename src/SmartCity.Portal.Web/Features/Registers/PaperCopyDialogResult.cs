namespace SmartCity.Portal.Web.Features.Registers;

/// <summary>What the paper-copy dialog hands back: the Bangkok date the copy arrived, and an optional note.</summary>
public sealed record PaperCopyDialogResult(DateOnly ReceivedOn, string? Note);
