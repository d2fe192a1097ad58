namespace SmartCity.Portal.Submissions.Workflow;

public enum WorkflowAction
{
    Submit,
    Forward,
    Return,
    Resubmit,
    Withdraw,
    Accept,
    Extend,
    Lapse,
}

/// <summary>Why an action was refused; the API maps each kind to its status code.</summary>
public enum RefusalKind
{
    /// <summary>Outside the caller's jurisdiction: 404.</summary>
    NotFound,

    /// <summary>The caller sees it but the action is not theirs to do: 403.</summary>
    Forbidden,

    /// <summary>The action does not exist in the current state: 409.</summary>
    NotPermittedInState,

    /// <summary>Missing comment, missing answers, past deadline, no paper copy: 422.</summary>
    Invalid,
}

public static class WorkflowActions
{
    public static string Name(WorkflowAction action) => action.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out WorkflowAction action) =>
        Enum.TryParse(value, ignoreCase: true, out action) && Enum.IsDefined(action) && action != WorkflowAction.Lapse;
}
