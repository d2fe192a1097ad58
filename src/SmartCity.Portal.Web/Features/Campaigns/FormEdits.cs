using SmartCity.Portal.Forms;

namespace SmartCity.Portal.Web.Features.Campaigns;

/// <summary>
/// The form editor's edits as pure functions over the immutable definition records: each returns a new
/// definition and leaves the one it was given alone (a published version's definition is never touched).
/// </summary>
public static class FormEdits
{
    public static FormDefinition WithSection(FormDefinition definition, int sectionIndex, FormSection section)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition with { Sections = Replace(definition.Sections, sectionIndex, section) };
    }

    public static FormDefinition AddSection(FormDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var id = NewId("section", definition.Sections.Select(s => s.Id));
        return definition with { Sections = [.. definition.Sections, new FormSection(id, "ส่วนใหม่", "New section", [])] };
    }

    public static FormDefinition RemoveSection(FormDefinition definition, int sectionIndex)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition with { Sections = Remove(definition.Sections, sectionIndex) };
    }

    public static FormDefinition MoveSection(FormDefinition definition, int sectionIndex, int by)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition with { Sections = Move(definition.Sections, sectionIndex, by) };
    }

    public static FormDefinition WithItem(FormDefinition definition, int sectionIndex, int itemIndex, FormItem item) =>
        EditItems(definition, sectionIndex, items => Replace(items, itemIndex, item));

    public static FormDefinition AddQuestion(FormDefinition definition, int sectionIndex, FormQuestionType type)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var section = definition.Sections[sectionIndex];
        var id = NewId("q", section.Items.Select(i => i.Id));
        return EditItems(definition, sectionIndex, items => [.. items, NewQuestion(id, type)]);
    }

    public static FormDefinition RemoveItem(FormDefinition definition, int sectionIndex, int itemIndex) =>
        EditItems(definition, sectionIndex, items => Remove(items, itemIndex));

    public static FormDefinition MoveItem(FormDefinition definition, int sectionIndex, int itemIndex, int by) =>
        EditItems(definition, sectionIndex, items => Move(items, itemIndex, by));

    public static FormDefinition WithGroupQuestion(FormDefinition definition, int sectionIndex, int itemIndex, int questionIndex, FormQuestion question) =>
        EditGroup(definition, sectionIndex, itemIndex, qs => Replace(qs, questionIndex, question));

    public static FormDefinition AddGroupQuestion(FormDefinition definition, int sectionIndex, int itemIndex, FormQuestionType type)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var group = (FormGroup)definition.Sections[sectionIndex].Items[itemIndex];
        var id = NewId("q", group.Questions.Select(q => q.Id));
        return EditGroup(definition, sectionIndex, itemIndex, qs => [.. qs, NewQuestion(id, type)]);
    }

    public static FormDefinition RemoveGroupQuestion(FormDefinition definition, int sectionIndex, int itemIndex, int questionIndex) =>
        EditGroup(definition, sectionIndex, itemIndex, qs => Remove(qs, questionIndex));

    public static FormDefinition MoveGroupQuestion(FormDefinition definition, int sectionIndex, int itemIndex, int questionIndex, int by) =>
        EditGroup(definition, sectionIndex, itemIndex, qs => Move(qs, questionIndex, by));

    /// <summary>
    /// The question with another type. A choice question gets a first option to edit, so that the checker's
    /// "needs options" is not the officer's first sight; limits of the old type are dropped.
    /// </summary>
    public static FormQuestion WithType(FormQuestion question, FormQuestionType type)
    {
        ArgumentNullException.ThrowIfNull(question);
        var changed = new FormQuestion(question.Id, type, question.LabelTh, question.LabelEn)
        {
            HelpTh = question.HelpTh,
            HelpEn = question.HelpEn,
            Required = question.Required,
        };
        return type is FormQuestionType.SingleChoice or FormQuestionType.MultipleChoice
            ? changed with { Options = question.Options is { Count: > 0 } o ? o : [new FormOption("o1", "ตัวเลือกที่ 1", "Option 1")] }
            : changed;
    }

    public static FormQuestion WithOption(FormQuestion question, int optionIndex, FormOption option)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question with { Options = Replace(question.Options ?? [], optionIndex, option) };
    }

    public static FormQuestion AddOption(FormQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var options = question.Options ?? [];
        var value = NewId("o", options.Select(o => o.Value));
        return question with { Options = [.. options, new FormOption(value, "", "")] };
    }

    public static FormQuestion RemoveOption(FormQuestion question, int optionIndex)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question with { Options = Remove(question.Options ?? [], optionIndex) };
    }

    public static FormQuestion MoveOption(FormQuestion question, int optionIndex, int by)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question with { Options = Move(question.Options ?? [], optionIndex, by) };
    }

    /// <summary>prefix1, prefix2, …: the first that no sibling uses (ids become answer keys, so they must be unique and stable).</summary>
    public static string NewId(string prefix, IEnumerable<string> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var taken = existing.ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var id = prefix + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(id))
            {
                return id;
            }
        }
    }

    private static FormQuestion NewQuestion(string id, FormQuestionType type) =>
        WithType(new FormQuestion(id, FormQuestionType.ShortText, "คำถามใหม่", "New question"), type);

    private static FormDefinition EditItems(FormDefinition definition, int sectionIndex, Func<IReadOnlyList<FormItem>, IReadOnlyList<FormItem>> edit)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var section = definition.Sections[sectionIndex];
        return WithSection(definition, sectionIndex, section with { Items = edit(section.Items) });
    }

    private static FormDefinition EditGroup(FormDefinition definition, int sectionIndex, int itemIndex, Func<IReadOnlyList<FormQuestion>, IReadOnlyList<FormQuestion>> edit)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var group = (FormGroup)definition.Sections[sectionIndex].Items[itemIndex];
        return WithItem(definition, sectionIndex, itemIndex, group with { Questions = edit(group.Questions) });
    }

    private static List<T> Replace<T>(IReadOnlyList<T> list, int index, T value)
    {
        var copy = list.ToList();
        copy[index] = value;
        return copy;
    }

    private static List<T> Remove<T>(IReadOnlyList<T> list, int index)
    {
        var copy = list.ToList();
        copy.RemoveAt(index);
        return copy;
    }

    private static List<T> Move<T>(IReadOnlyList<T> list, int index, int by)
    {
        var copy = list.ToList();
        var target = index + by;
        if (target < 0 || target >= copy.Count)
        {
            return copy;
        }

        (copy[index], copy[target]) = (copy[target], copy[index]);
        return copy;
    }
}

/// <summary>What the page's upload script reports back: the HTTP status (0 no file picked, -1 network failure) and the body.</summary>
public sealed record DocumentUploadResult(int Status, string Body);
