using System.Globalization;
using System.Text.RegularExpressions;
using SmartCity.Portal.Common;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Web.Localization;

namespace SmartCity.Portal.Web.Features.Forms;

/// <summary>How the form's field paths and dates appear in the page: element ids, Buddhist-era dates.</summary>
public static partial class FormDom
{
    /// <summary>The element id of the root, where errors about the answers as a whole link to.</summary>
    public const string RootId = "field-root";

    /// <summary>
    /// <c>projects.items[1].title</c> becomes <c>field-projects-items-1-title</c>. Ids hold only letters,
    /// digits and underscores (<see cref="FieldPath.IsValidId"/>), so the result is unique per path and
    /// needs no escaping in a CSS selector or an <c>href="#..."</c>. The prefix keeps it apart from the
    /// page's own ids.
    /// </summary>
    public static string Id(string path) =>
        string.IsNullOrEmpty(path) ? RootId : "field-" + Separators().Replace(path, "-").TrimEnd('-');

    public static string Id(FieldPath path) => Id(path.ToString());

    /// <summary>
    /// The id an error links to: its field's, or the nearest enclosing part the form renders when the path
    /// names something the definition lacks (a key the API stored that the form does not ask for).
    /// </summary>
    public static string LinkId(FormDefinition? definition, string path)
    {
        if (definition is null || !FieldPath.TryParse(path, out var p))
        {
            return definition is null ? Id(path) : RootId;
        }

        var section = definition.Sections.FirstOrDefault(s => s.Id == p.Section);
        var item = section?.Items.FirstOrDefault(i => i.Id == p.Item);
        return (section, item) switch
        {
            (null, _) => RootId,
            (_, null) => Id(p.Section),
            (_, FormGroup g) when p.Index is { } i && p.Question is { } q && g.Questions.All(x => x.Id != q) => Id(FieldPath.GroupItem(p.Section, g.Id, i)),
            (_, FormQuestion) when p.Index is not null => Id(FieldPath.Of(p.Section, p.Item!)),
            _ => Id(path),
        };
    }

    public static string Text(string th, string en) => PortalCultures.IsEnglish(CultureInfo.CurrentUICulture) ? en : th;

    /// <summary>15/03/2568 (day/month/Buddhist-era year), the way Thai officers write dates on paper.</summary>
    public static string FormatBuddhist(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day:00}/{date.Month:00}/{date.Year + ThaiTime.BuddhistEraOffset}");

    /// <summary>Reads d/M/yyyy with a Buddhist-era year; a Gregorian year (below 2400) is refused rather than guessed.</summary>
    public static bool TryParseBuddhist(string? text, out DateOnly date)
    {
        date = default;
        var parts = text?.Trim().Split('/');
        if (parts is not { Length: 3 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var beYear)
            || beYear < 2400 || beYear > 2700 || month is < 1 or > 12)
        {
            return false;
        }

        var year = beYear - ThaiTime.BuddhistEraOffset;
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>"15 มีนาคม 2568" or "15 March 2568 BE", so the officer can check the date they typed.</summary>
    public static string Preview(DateOnly date) =>
        ThaiTime.FormatDate(date, PortalCultures.IsEnglish(CultureInfo.CurrentUICulture));

    [GeneratedRegex(@"[.\[\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
