using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartCity.Portal.Forms;

/// <summary>
/// The stable address of an answer: <c>section.question</c>, <c>section.group</c>,
/// <c>section.group[index]</c> or <c>section.group[index].question</c> (index from 0).
/// The validator reports errors by it and the form page links its error summary to the input
/// with the same path, so both must build it here and nowhere else.
/// </summary>
public readonly partial record struct FieldPath(string Section, string? Item = null, int? Index = null, string? Question = null)
{
    public static FieldPath Root => new(string.Empty);

    public static FieldPath Of(string section, string item) => new(section, item);

    public static FieldPath InGroup(string section, string group, int index, string question) => new(section, group, index, question);

    public static FieldPath GroupItem(string section, string group, int index) => new(section, group, index);

    public override string ToString()
    {
        if (Item is null)
        {
            return Section;
        }

        var path = Section + "." + Item;
        if (Index is { } i)
        {
            path += "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
        }

        return Question is null ? path : path + "." + Question;
    }

    public static bool TryParse(string? text, out FieldPath path)
    {
        path = default;
        if (text is null)
        {
            return false;
        }

        var m = Pattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        path = new FieldPath(
            m.Groups["s"].Value,
            m.Groups["i"].Success ? m.Groups["i"].Value : null,
            m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) : null,
            m.Groups["q"].Success ? m.Groups["q"].Value : null);
        return true;
    }

    /// <summary>What an id may look like: it becomes part of a path and of an HTML id, so no dots, brackets or spaces.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^(?<s>[a-zA-Z][a-zA-Z0-9_]*)(\.(?<i>[a-zA-Z][a-zA-Z0-9_]*)(\[(?<n>[0-9]{1,6})\](\.(?<q>[a-zA-Z][a-zA-Z0-9_]*))?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
