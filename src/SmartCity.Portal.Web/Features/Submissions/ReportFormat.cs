using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Common;
using SmartCity.Portal.Forms;
using SmartCity.Portal.Web.Features.Forms;

namespace SmartCity.Portal.Web.Features.Submissions;

/// <summary>
/// One answer as a reader of the printed report sees it: numbers with thousands separators, money
/// in baht with satang, dates in the Buddhist era with the month's full name, choices by their
/// labels, yes/no in words. Answers of the wrong type (sent through the API) read as unanswered,
/// as on the form page; the validator is what reports them.
/// </summary>
public static class ReportFormat
{
    /// <summary>How many hex digits of a file's SHA-256 the paper shows: enough to match a copy by eye.</summary>
    public const int HashDigits = 12;

    /// <summary>Exactly the stored value, grouped by thousands; no rounding, no padded zeros.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##########", CultureInfo.InvariantCulture);

    public static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>"850 B", "12.5 KB", "3.2 MB": a reader's size, not a byte count.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024m:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024m * 1024m):#,##0.#} MB"),
    };

    public static string ShortHash(string sha256) => sha256.Length <= HashDigits ? sha256 : sha256[..HashDigits];

    /// <summary>The answer as text, or null when unanswered. File questions are listed by <see cref="Files"/> instead.</summary>
    public static string? Text(FormQuestion question, JsonObject container, IStringLocalizer localizer, bool english)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(localizer);
        switch (question.Type)
        {
            case FormQuestionType.ShortText or FormQuestionType.LongText:
                return FormAnswers.ReadString(container, question.Id) is { } text && !string.IsNullOrWhiteSpace(text) ? text : null;
            case FormQuestionType.Number:
                return FormAnswers.ReadDecimal(container, question.Id) is { } number
                    ? string.IsNullOrWhiteSpace(question.Unit) ? Number(number) : $"{Number(number)} {question.Unit}"
                    : null;
            case FormQuestionType.Money:
                return FormAnswers.ReadDecimal(container, question.Id) is { } money ? $"{Money(money)} {localizer["Form.Baht"]}" : null;
            case FormQuestionType.Date:
                return FormAnswers.ReadDate(container, question.Id) is { } date ? ThaiTime.FormatDate(date, english) : null;
            case FormQuestionType.SingleChoice:
                return FormAnswers.ReadString(container, question.Id) is { Length: > 0 } value ? OptionLabel(question, value, english) : null;
            case FormQuestionType.MultipleChoice:
                var values = FormAnswers.ReadStrings(container, question.Id);
                return values.Count == 0 ? null : string.Join(", ", values.Select(v => OptionLabel(question, v, english)));
            case FormQuestionType.YesNo:
                return FormAnswers.ReadBool(container, question.Id) is { } yes ? localizer[yes ? "Form.Yes" : "Form.No"].Value : null;
            default:
                return null;
        }
    }

    /// <summary>The files a file question names, in the order given; an id with no (or a deleted) attachment comes back as null info.</summary>
    public static IReadOnlyList<(long Id, AttachmentInfo? Info)> Files(FormQuestion question, JsonObject container, IReadOnlyDictionary<long, AttachmentInfo> attachments)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(attachments);
        return [.. FormAnswers.ReadIds(container, question.Id).Select(id => (id, attachments.GetValueOrDefault(id)))];
    }

    /// <summary>A value the definition does not list (the form changed, or the API sent it) is shown as stored rather than dropped.</summary>
    private static string OptionLabel(FormQuestion question, string value, bool english) =>
        question.Options?.FirstOrDefault(o => o.Value == value) is { } option ? (english ? option.LabelEn : option.LabelTh) : value;
}
