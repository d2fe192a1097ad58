namespace SmartCity.Portal.Common;

/// <summary>A user-facing message in both languages; the UI and the API pick by culture.</summary>
public sealed record PortalMessage(string Code, string Th, string En)
{
    public string For(bool english) => english ? En : Th;

    public string ForCurrentCulture() =>
        For(!System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName.Equals("th", StringComparison.OrdinalIgnoreCase));
}

public abstract class PortalException(PortalMessage message) : Exception(message.En)
{
    public PortalMessage PortalMessage { get; } = message;
}

/// <summary>The caller may see the thing but may not do this to it (HTTP 403).</summary>
public sealed class PortalAccessDeniedException(PortalMessage message) : PortalException(message);

/// <summary>The thing does not exist or lies outside the caller's jurisdiction (HTTP 404): the two are not told apart.</summary>
public sealed class PortalNotFoundException(PortalMessage message) : PortalException(message);

/// <summary>The action does not exist in the current state (HTTP 409).</summary>
public sealed class PortalConflictException(PortalMessage message) : PortalException(message);

/// <summary>The request is understood but invalid: missing comment or answers, past deadline (HTTP 422).</summary>
public sealed class PortalValidationException(PortalMessage message) : PortalException(message);

/// <summary>Someone else changed the thing since the caller read it; nothing was overwritten (HTTP 412).</summary>
public sealed class PortalStaleException(PortalMessage message) : PortalException(message);

/// <summary>One item of a batch that cannot go, and why: the municipality by name, the reason in both languages.</summary>
public sealed record PortalItemProblem(int Id, string NameTh, string? NameEn, PortalMessage Reason);

/// <summary>
/// A batch that is all-or-nothing (a dispatch is one letter) was refused because of some of its
/// items; nothing was written. HTTP 422 with an <c>items</c> array, one entry per failing item.
/// </summary>
public sealed class PortalBatchValidationException(PortalMessage message, IReadOnlyList<PortalItemProblem> items) : PortalException(message)
{
    public IReadOnlyList<PortalItemProblem> Items { get; } = items;
}
