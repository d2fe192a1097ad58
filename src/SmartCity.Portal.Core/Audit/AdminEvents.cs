using System.Text.Json;

namespace SmartCity.Portal.Audit;

/// <summary>Builds <see cref="AdminEvent"/> rows the same way everywhere: invariant JSON values, the scope path, truncation.</summary>
public static class AdminEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    public static AdminEvent New(
        DateTime nowUtc, string actorUserName, string action, string scopePath,
        string? targetUserId = null, string? targetUserName = null, string? officeCode = null,
        object? before = null, object? after = null, string? note = null) => new()
        {
            OccurredUtc = nowUtc,
            ActorUserName = Truncate(actorUserName, 256)!,
            Action = action,
            ScopePath = string.IsNullOrEmpty(scopePath) ? "/" : scopePath,
            TargetUserId = targetUserId,
            TargetUserName = targetUserName,
            OfficeCode = officeCode,
            Before = Serialize(before),
            After = Serialize(after),
            Note = Truncate(note, 1000),
        };

    /// <summary>
    /// The deepest path that every given path lies under: <c>/DLA/DLA-LAD/81/8101/</c> and <c>/DLA/DLA-LAD/81/</c>
    /// give <c>/DLA/DLA-LAD/81/</c>; no paths give <c>/</c> (only DLA's administrators see such an event).
    /// </summary>
    public static string CommonPath(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string[]? common = null;
        foreach (var path in paths)
        {
            var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (common is null)
            {
                common = parts;
                continue;
            }

            var n = 0;
            while (n < common.Length && n < parts.Length && string.Equals(common[n], parts[n], StringComparison.Ordinal))
            {
                n++;
            }

            common = common[..n];
        }

        return common is null || common.Length == 0 ? "/" : "/" + string.Join('/', common) + "/";
    }

    public static string? Serialize(object? value)
    {
        if (value is null)
        {
            return null;
        }

        return Truncate(JsonSerializer.Serialize(value, Json), AdminEvent.ValueMaxLength);
    }

    /// <summary>The stored JSON object as (name, value) pairs for display; values invariant text.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Fields(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [new("value", json)];
            }

            return doc.RootElement.EnumerateObject()
                .Select(p => new KeyValuePair<string, string>(p.Name, p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString() ?? "",
                    JsonValueKind.Null => "",
                    _ => p.Value.GetRawText(),
                }))
                .ToList();
        }
        catch (JsonException)
        {
            return [new("value", json)];
        }
    }

    private static string? Truncate(string? value, int max) => value is { } v && v.Length > max ? v[..max] : value;
}
