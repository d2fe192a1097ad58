namespace SmartCity.Portal.Forms;

/// <summary>
/// Checks a definition itself before it is published: every id usable in a field path and unique
/// where paths would collide, every type known, labels in both languages, limits that can be met
/// (min ≤ max), and options for every choice question. A definition that passes can be rendered
/// and validated without surprises; one that fails is never stored as a published version.
/// </summary>
public static class FormDefinitionChecker
{
    /// <summary>Text limits above this would not fit the answers row comfortably; DLA's forms need far less.</summary>
    public const int MaxTextLength = 20_000;

    public const int MaxGroupItems = 200;

    public const int MaxFilesPerQuestion = 50;

    public static IReadOnlyList<FormFieldError> Check(FormDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<FormFieldError>();
        if (string.IsNullOrWhiteSpace(definition.Key) || definition.Sections is null || definition.Sections.Count == 0)
        {
            problems.Add(new(FieldPath.Root.ToString(), FormMessages.NoSections));
            return problems;
        }

        if (string.IsNullOrWhiteSpace(definition.TitleTh) || string.IsNullOrWhiteSpace(definition.TitleEn))
        {
            problems.Add(new(FieldPath.Root.ToString(), FormMessages.LabelMissing));
        }

        var sectionIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in definition.Sections)
        {
            var sectionPath = section.Id;
            if (!CheckId(section.Id, sectionPath, sectionIds, problems))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(section.TitleTh) || string.IsNullOrWhiteSpace(section.TitleEn))
            {
                problems.Add(new(sectionPath, FormMessages.LabelMissing));
            }

            if (section.Items is null || section.Items.Count == 0)
            {
                problems.Add(new(sectionPath, FormMessages.EmptyContainer));
                continue;
            }

            var itemIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in section.Items)
            {
                var itemPath = FieldPath.Of(section.Id, item.Id ?? string.Empty).ToString();
                if (!CheckId(item.Id, itemPath, itemIds, problems))
                {
                    continue;
                }

                switch (item)
                {
                    case FormQuestion q:
                        CheckQuestion(q, itemPath, problems);
                        break;
                    case FormGroup g:
                        CheckGroup(section.Id, g, itemPath, problems);
                        break;
                }
            }
        }

        return problems;
    }

    private static void CheckGroup(string sectionId, FormGroup group, string path, List<FormFieldError> problems)
    {
        if (string.IsNullOrWhiteSpace(group.LabelTh) || string.IsNullOrWhiteSpace(group.LabelEn))
        {
            problems.Add(new(path, FormMessages.LabelMissing));
        }

        if (group.MinItems < 0 || group.MaxItems < 1 || group.MaxItems > MaxGroupItems)
        {
            problems.Add(new(path, FormMessages.LimitOutOfRange));
        }
        else if (group.MinItems > group.MaxItems)
        {
            problems.Add(new(path, FormMessages.MinAboveMax));
        }

        if (group.Questions is null || group.Questions.Count == 0)
        {
            problems.Add(new(path, FormMessages.EmptyContainer));
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in group.Questions)
        {
            // Not an answer path: "[]" stands for every item of the group.
            var questionPath = $"{sectionId}.{group.Id}[].{q.Id}";
            if (CheckId(q.Id, questionPath, ids, problems))
            {
                CheckQuestion(q, questionPath, problems);
            }
        }
    }

    private static void CheckQuestion(FormQuestion q, string path, List<FormFieldError> problems)
    {
        if (!Enum.IsDefined(q.Type))
        {
            problems.Add(new(path, FormMessages.UnknownType));
            return;
        }

        if (string.IsNullOrWhiteSpace(q.LabelTh) || string.IsNullOrWhiteSpace(q.LabelEn))
        {
            problems.Add(new(path, FormMessages.LabelMissing));
        }

        if (q.MaxLength is { } maxLength && (maxLength < 1 || maxLength > MaxTextLength))
        {
            problems.Add(new(path, FormMessages.LimitOutOfRange));
        }

        if (q.Min is { } min && q.Max is { } max && min > max)
        {
            problems.Add(new(path, FormMessages.MinAboveMax));
        }

        if (q.Decimals is { } decimals && (decimals < 0 || decimals > 6))
        {
            problems.Add(new(path, FormMessages.LimitOutOfRange));
        }

        if (q.MinDate is { } minDate && q.MaxDate is { } maxDate && minDate > maxDate)
        {
            problems.Add(new(path, FormMessages.MinAboveMax));
        }

        if (q.MaxFiles is { } maxFiles && (maxFiles < 1 || maxFiles > MaxFilesPerQuestion))
        {
            problems.Add(new(path, FormMessages.LimitOutOfRange));
        }

        if (q.AcceptedKinds is { } kinds && (kinds.Count == 0 || kinds.Any(k => !Enum.IsDefined(k))))
        {
            problems.Add(new(path, FormMessages.LimitOutOfRange));
        }

        if (q.IsChoice)
        {
            CheckOptions(q, path, problems);
        }
    }

    private static void CheckOptions(FormQuestion q, string path, List<FormFieldError> problems)
    {
        if (q.Options is null || q.Options.Count == 0)
        {
            problems.Add(new(path, FormMessages.OptionsMissing));
            return;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in q.Options)
        {
            if (string.IsNullOrWhiteSpace(option.Value))
            {
                problems.Add(new(path, FormMessages.InvalidId(option.Value)));
            }
            else if (!values.Add(option.Value))
            {
                problems.Add(new(path, FormMessages.DuplicateId(option.Value)));
            }

            if (string.IsNullOrWhiteSpace(option.LabelTh) || string.IsNullOrWhiteSpace(option.LabelEn))
            {
                problems.Add(new(path, FormMessages.LabelMissing));
            }
        }

        if (q.MinSelections is < 0 || q.MaxSelections is < 1 || q.MaxSelections > q.Options.Count || q.MinSelections > q.Options.Count)
        {
            problems.Add(new(path, FormMessages.LimitOutOfRange));
        }
        else if (q.MinSelections is { } min && q.MaxSelections is { } max && min > max)
        {
            problems.Add(new(path, FormMessages.MinAboveMax));
        }
    }

    private static bool CheckId(string? id, string path, HashSet<string> seen, List<FormFieldError> problems)
    {
        if (!FieldPath.IsValidId(id))
        {
            problems.Add(new(path, FormMessages.InvalidId(id)));
            return false;
        }

        if (!seen.Add(id!))
        {
            problems.Add(new(path, FormMessages.DuplicateId(id!)));
            return false;
        }

        return true;
    }
}
