using SmartCity.Portal.Common;

namespace SmartCity.Portal.Forms;

/// <summary>
/// Answers that break rules of the report's form version (HTTP 422 with an <c>errors</c> array of field
/// paths). Thrown by a save (types and limits) and by a submit or resubmit (completeness too); nothing
/// was written, so the caller's typed answers are still theirs to correct.
/// </summary>
public sealed class FormAnswersInvalidException(IReadOnlyList<FormFieldError> errors)
    : PortalException(FormMessages.AnswersInvalid(errors.Count))
{
    public IReadOnlyList<FormFieldError> Errors { get; } = errors;
}
