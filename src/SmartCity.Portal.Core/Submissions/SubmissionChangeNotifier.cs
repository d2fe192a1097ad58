namespace SmartCity.Portal.Submissions;

/// <summary>
/// Tells open pages in this process that a submission moved, so other officers see it without a
/// reload. In-process only: a second web instance would need a backplane (not built yet).
/// </summary>
public sealed class SubmissionChangeNotifier
{
    public event Action<int>? SubmissionChanged;

    public void Changed(int submissionId) => SubmissionChanged?.Invoke(submissionId);
}
