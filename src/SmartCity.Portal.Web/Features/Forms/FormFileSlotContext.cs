using System.Text.Json.Nodes;
using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Web.Features.Forms;

/// <summary>
/// What the upload control placed in <see cref="FormRenderer.FileSlot"/> needs: the question, its path and
/// the attachment ids already stored. After an upload it calls <see cref="SetIds"/> so the answers change
/// (and autosave runs) the same way as for any other input.
/// </summary>
public sealed record FormFileSlotContext(FormQuestion Question, string Path, IReadOnlyList<long> Ids, Func<IReadOnlyList<long>, Task> SetIds)
{
    internal static JsonNode ToJson(IReadOnlyList<long> ids) => new JsonArray([.. ids.Select(id => (JsonNode?)JsonValue.Create(id))]);
}
