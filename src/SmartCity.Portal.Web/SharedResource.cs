namespace SmartCity.Portal.Web;

/// <summary>Anchor type for the UI strings in Resources/SharedResource*.resx (Thai is the neutral language).</summary>
#pragma warning disable CA1052 // A marker for IStringLocalizer<T>: it is never instantiated, but T must be a type.
public sealed class SharedResource;
#pragma warning restore CA1052
