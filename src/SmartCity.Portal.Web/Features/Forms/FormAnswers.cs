using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SmartCity.Portal.Web.Features.Forms;

/// <summary>
/// Reads and writes one answer in the answers JSON, in the shape <see cref="SmartCity.Portal.Forms.FormValidator"/>
/// documents. Reads never throw: a value of the wrong type (e.g. sent through the API) shows as empty
/// and the validator reports it.
/// </summary>
public static class FormAnswers
{
    public static string? ReadString(JsonObject container, string key) =>
        container[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static decimal? ReadDecimal(JsonObject container, string key) =>
        container[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<decimal>(out var d)
            ? d
            : container[key] is JsonValue n && n.GetValueKind() == JsonValueKind.Number
                && decimal.TryParse(n.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    public static bool? ReadBool(JsonObject container, string key) =>
        container[key] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    public static DateOnly? ReadDate(JsonObject container, string key) =>
        DateOnly.TryParseExact(ReadString(container, key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static IReadOnlyList<string> ReadStrings(JsonObject container, string key) =>
        container[key] is JsonArray a
            ? [.. a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())]
            : [];

    public static IReadOnlyList<long> ReadIds(JsonObject container, string key) =>
        container[key] is JsonArray a
            ? [.. a.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _)).Select(v => v.GetValue<long>())]
            : [];

    /// <summary>Writes the value, or removes the key when it is empty: absent means "not answered yet".</summary>
    public static void Write(JsonObject container, string key, JsonNode? value)
    {
        if (value is null || (value is JsonArray { Count: 0 }))
        {
            container.Remove(key);
        }
        else
        {
            container[key] = value;
        }
    }

    public static JsonNode? Text(string? value) => string.IsNullOrEmpty(value) ? null : JsonValue.Create(value);

    public static JsonNode? Number(decimal? value) => value is { } d ? JsonValue.Create(d) : null;

    public static JsonNode Date(DateOnly value) => JsonValue.Create(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static JsonNode Strings(IEnumerable<string> values) => new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    /// <summary>
    /// The object of one section, created when missing so inputs can edit it in place. A value of the wrong
    /// type is left alone (the validator reports it) and edits go to a detached object instead of replacing it.
    /// </summary>
    public static JsonObject SectionObject(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        if (parent[key] is null)
        {
            parent[key] = created;
        }

        return created;
    }
}
