namespace SmartCity.Portal.Web.Features.Registers;

/// <summary>What the dispatch date dialog hands back: a Bangkok date and an optional note.</summary>
public sealed record DispatchDateDialogResult(DateOnly Date, string? Note);
