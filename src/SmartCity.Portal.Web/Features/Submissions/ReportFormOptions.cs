namespace SmartCity.Portal.Web.Features.Submissions;

/// <summary>Settings of the municipality's report page (section <c>ReportForm</c>); tests shorten the delay.</summary>
public sealed class ReportFormOptions
{
    public const string Section = "ReportForm";

    /// <summary>Quiet time after the last edit before the answers are saved by themselves.</summary>
    public TimeSpan AutosaveDelay { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>What the page learns of a file the browser uploaded: its id and display name.</summary>
public sealed record UploadedFile(long Id, string Name);
