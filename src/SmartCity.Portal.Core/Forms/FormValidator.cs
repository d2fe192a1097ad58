using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SmartCity.Portal.Forms;

/// <summary>
/// Checks a submission's answers against the form version it started on. Never throws for what a
/// user or an API client sent: every problem comes back as a <see cref="FormFieldError"/>.
/// </summary>
/// <remarks>
/// <para>The answers JSON is one object keyed by section id; each section is an object keyed by
/// question id or group id; a group is an array of objects keyed by question id:</para>
/// <code>
/// { "org":      { "name": "เทศบาลเมืองกระบี่", "population": 31653, "area": 19.1 },
///   "projects": { "items": [ { "title": "...", "dimensions": ["environment", "mobility"],
///                              "startDate": "2024-01-15", "budget": 1250000.50, "evidence": [12, 13] } ] } }
/// </code>
/// <para>Values by type: short and long text a string; number and money a JSON number (a string such
/// as "12,345" is refused so that the API and the page store the same thing); date a string
/// <c>yyyy-MM-dd</c> in the Gregorian calendar (the page shows พ.ศ.; storage never does); single choice
/// the option's value; multiple choice an array of option values; yes/no true or false; file an array
/// of attachment ids (positive integers). <c>null</c>, an absent key, an empty or all-white-space string
/// and an empty array all mean "not answered yet".</para>
/// <para>Text length is <see cref="string.Length"/> after Unicode NFC normalisation: Thai tone marks and
/// vowels above or below count as characters of their own, as they do in every database column and in
/// the browser's maxlength, so the limit the page enforces and the one checked here agree.</para>
/// <para><see cref="ValidateForSave"/> checks only types and limits, so a half-done draft always saves;
/// <see cref="ValidateForSubmit"/> adds completeness: required questions, a group's fewest items,
/// required questions inside every item of a group, and the fewest picks of a multiple choice.</para>
/// </remarks>
public static class FormValidator
{
    // Deep enough for the answers shape (root, section, group, item, value array); deeper is an attack, not a draft.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    /// <param name="ownAttachmentIds">When given, a file answer may only name these attachments (the report's own, not
    /// deleted): an id of another report's file must never become part of this one.</param>
    public static IReadOnlyList<FormFieldError> ValidateForSave(FormDefinition definition, string? answersJson, IReadOnlySet<int>? ownAttachmentIds = null) =>
        Validate(definition, answersJson, new Pass(false, ownAttachmentIds));

    /// <inheritdoc cref="ValidateForSave"/>
    public static IReadOnlyList<FormFieldError> ValidateForSubmit(FormDefinition definition, string? answersJson, IReadOnlySet<int>? ownAttachmentIds = null) =>
        Validate(definition, answersJson, new Pass(true, ownAttachmentIds));

    private static List<FormFieldError> Validate(FormDefinition definition, string? answersJson, Pass pass)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<FormFieldError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(answersJson) ? "{}" : answersJson, ParseOptions);
        }
        catch (JsonException)
        {
            errors.Add(new(FieldPath.Root.ToString(), FormMessages.MalformedJson));
            return errors;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(FieldPath.Root.ToString(), FormMessages.MalformedJson));
                return errors;
            }

            var sections = definition.Sections.ToDictionary(s => s.Id, StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (!sections.ContainsKey(property.Name))
                {
                    errors.Add(new(property.Name, FormMessages.UnknownField(property.Name)));
                }
            }

            foreach (var section in definition.Sections)
            {
                var value = root.TryGetProperty(section.Id, out var v) ? v : default;
                ValidateSection(section, value, pass, errors);
            }
        }

        return errors;
    }

    private static void ValidateSection(FormSection section, JsonElement value, Pass pass, List<FormFieldError> errors)
    {
        JsonElement? answers = null;
        if (value.ValueKind == JsonValueKind.Object)
        {
            answers = value;
            var known = section.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    var path = FieldPath.Of(section.Id, property.Name).ToString();
                    errors.Add(new(path, FormMessages.UnknownField(path)));
                }
            }
        }
        else if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            errors.Add(new(section.Id, FormMessages.WrongType(new(section.TitleTh, section.TitleEn), "ชุดคำตอบ (object)", "an object of answers")));
            return;
        }

        foreach (var item in section.Items)
        {
            var itemValue = answers is { } a && a.TryGetProperty(item.Id, out var iv) ? iv : default;
            var path = FieldPath.Of(section.Id, item.Id);
            switch (item)
            {
                case FormQuestion q:
                    ValidateQuestion(q, itemValue, path.ToString(), pass, errors);
                    break;
                case FormGroup g:
                    ValidateGroup(section.Id, g, itemValue, pass, errors);
                    break;
            }
        }
    }

    private static void ValidateGroup(string sectionId, FormGroup group, JsonElement value, Pass pass, List<FormFieldError> errors)
    {
        var groupPath = FieldPath.Of(sectionId, group.Id).ToString();
        var label = new Label(group.LabelTh, group.LabelEn);
        var count = 0;
        if (value.ValueKind == JsonValueKind.Array)
        {
            count = value.GetArrayLength();
        }
        else if (value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null))
        {
            errors.Add(new(groupPath, FormMessages.WrongType(label, "รายการ (array)", "a list of items")));
            return;
        }

        if (count > group.MaxItems)
        {
            errors.Add(new(groupPath, FormMessages.TooManyItems(label, group.MaxItems)));
        }
        else if (pass.Complete && count < group.MinItems)
        {
            errors.Add(new(groupPath, FormMessages.TooFewItems(label, group.MinItems)));
        }

        if (count == 0)
        {
            return;
        }

        var known = group.Questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var itemPath = FieldPath.GroupItem(sectionId, group.Id, index);
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(itemPath.ToString(), FormMessages.WrongType(label, "ชุดคำตอบ (object)", "an object of answers")));
                index++;
                continue;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name))
                {
                    var path = FieldPath.InGroup(sectionId, group.Id, index, property.Name).ToString();
                    errors.Add(new(path, FormMessages.UnknownField(path)));
                }
            }

            foreach (var question in group.Questions)
            {
                var v = element.TryGetProperty(question.Id, out var qv) ? qv : default;
                ValidateQuestion(question, v, FieldPath.InGroup(sectionId, group.Id, index, question.Id).ToString(), pass, errors);
            }

            index++;
        }
    }

    private static void ValidateQuestion(FormQuestion q, JsonElement value, string path, Pass pass, List<FormFieldError> errors)
    {
        var label = new Label(q.LabelTh, q.LabelEn);
        var error = IsUnanswered(value) ? (pass.Complete && q.Required ? FormMessages.Required(label, q.Type) : null) : q.Type switch
        {
            FormQuestionType.ShortText or FormQuestionType.LongText => CheckText(q, label, value),
            FormQuestionType.Number or FormQuestionType.Money => CheckNumber(q, label, value),
            FormQuestionType.Date => CheckDate(q, label, value),
            FormQuestionType.SingleChoice => CheckSingleChoice(q, label, value),
            FormQuestionType.MultipleChoice => CheckMultipleChoice(q, label, value, pass.Complete),
            FormQuestionType.YesNo => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : FormMessages.WrongType(label, "ใช่หรือไม่ใช่", "true or false"),
            FormQuestionType.File => CheckFiles(q, label, value, pass.OwnAttachmentIds),
            _ => FormMessages.UnknownType,
        };
        if (error is not null)
        {
            errors.Add(new(path, error));
        }
    }

    private static bool IsUnanswered(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    private static Common.PortalMessage? CheckText(FormQuestion q, Label label, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return FormMessages.WrongType(label, "ข้อความ", "text");
        }

        var length = value.GetString()!.Normalize(NormalizationForm.FormC).Length;
        return length > q.EffectiveMaxLength ? FormMessages.TooLong(label, q.EffectiveMaxLength, length) : null;
    }

    private static Common.PortalMessage? CheckNumber(FormQuestion q, Label label, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return FormMessages.WrongType(label, "ตัวเลข", "a number");
        }

        // Beyond decimal's range is beyond any limit a form sets; report it as too large or too small.
        if (!value.TryGetDecimal(out var number))
        {
            return value.GetRawText().StartsWith('-') ? FormMessages.BelowMin(label, q.Min ?? decimal.MinValue) : FormMessages.AboveMax(label, q.Max ?? decimal.MaxValue);
        }

        if (decimal.Round(number, q.EffectiveDecimals) != number)
        {
            return FormMessages.TooManyDecimals(label, q.EffectiveDecimals);
        }

        if (q.Min is { } min && number < min)
        {
            return FormMessages.BelowMin(label, min);
        }

        return q.Max is { } max && number > max ? FormMessages.AboveMax(label, max) : null;
    }

    private static Common.PortalMessage? CheckDate(FormQuestion q, Label label, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return FormMessages.WrongType(label, "วันที่", "a date (yyyy-MM-dd)");
        }

        if (!DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return FormMessages.MalformedDate(label);
        }

        if (q.MinDate is { } min && date < min)
        {
            return FormMessages.BeforeMinDate(label, min);
        }

        return q.MaxDate is { } max && date > max ? FormMessages.AfterMaxDate(label, max) : null;
    }

    private static Common.PortalMessage? CheckSingleChoice(FormQuestion q, Label label, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return FormMessages.WrongType(label, "ตัวเลือก", "an option value");
        }

        return IsOption(q, value.GetString()) ? null : FormMessages.UnknownOption(label);
    }

    private static Common.PortalMessage? CheckMultipleChoice(FormQuestion q, Label label, JsonElement value, bool complete)
    {
        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            return FormMessages.WrongType(label, "รายการตัวเลือก", "a list of option values");
        }

        var picked = value.EnumerateArray().Select(e => e.GetString()!).ToList();
        if (picked.Any(p => !IsOption(q, p)))
        {
            return FormMessages.UnknownOption(label);
        }

        if (picked.Distinct(StringComparer.Ordinal).Count() != picked.Count)
        {
            return FormMessages.DuplicateOption(label);
        }

        if (q.MaxSelections is { } max && picked.Count > max)
        {
            return FormMessages.TooManySelections(label, max);
        }

        return complete && q.MinSelections is { } min && picked.Count < min ? FormMessages.TooFewSelections(label, min) : null;
    }

    private static Common.PortalMessage? CheckFiles(FormQuestion q, Label label, JsonElement value, IReadOnlySet<int>? own)
    {
        if (value.ValueKind != JsonValueKind.Array
            || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out var id) || id <= 0))
        {
            return FormMessages.WrongType(label, "รายการไฟล์แนบ", "a list of attachment ids");
        }

        if (value.EnumerateArray().Select(e => e.GetInt32()).Distinct().Count() != value.GetArrayLength())
        {
            return FormMessages.DuplicateFile(label);
        }

        if (own is not null && value.EnumerateArray().Any(e => !own.Contains(e.GetInt32())))
        {
            return FormMessages.UnknownFile(label);
        }

        return value.GetArrayLength() > q.EffectiveMaxFiles ? FormMessages.TooManyFiles(label, q.EffectiveMaxFiles) : null;
    }

    /// <summary>One validation run: completeness on or off, and the attachments the report may name.</summary>
    private readonly record struct Pass(bool Complete, IReadOnlySet<int>? OwnAttachmentIds);

    private static bool IsOption(FormQuestion q, string? value) =>
        q.Options?.Any(o => string.Equals(o.Value, value, StringComparison.Ordinal)) == true;
}
