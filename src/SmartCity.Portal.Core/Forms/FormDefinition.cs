using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SmartCity.Portal.Forms;

/// <summary>
/// One version of a campaign's report form. Stored as JSON (see <see cref="FormJson"/>) in
/// <see cref="FormDefinitionVersion.Json"/>, so DLA can change the form per round without a migration.
/// </summary>
public sealed record FormDefinition(string Key, int Version, string TitleTh, string TitleEn, IReadOnlyList<FormSection> Sections);

public sealed record FormSection(string Id, string TitleTh, string TitleEn, IReadOnlyList<FormItem> Items)
{
    public string? HelpTh { get; init; }

    public string? HelpEn { get; init; }
}

/// <summary>What a section holds: a question or a repeatable group. <c>kind</c> tells them apart in JSON.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(FormQuestion), "question")]
[JsonDerivedType(typeof(FormGroup), "group")]
public abstract record FormItem(string Id);

/// <summary>
/// A repeatable block (e.g. one project). Its questions cannot be groups themselves: one level of
/// repetition is what a municipality can fill in without getting lost, and it keeps field paths short.
/// </summary>
public sealed record FormGroup(string Id, string LabelTh, string LabelEn, int MinItems, int MaxItems, IReadOnlyList<FormQuestion> Questions) : FormItem(Id)
{
    public string? HelpTh { get; init; }

    public string? HelpEn { get; init; }
}

public enum FormQuestionType
{
    ShortText,
    LongText,
    Number,
    Money,
    Date,
    SingleChoice,
    MultipleChoice,
    YesNo,
    File,
}

/// <summary>A kind of evidence file; the upload endpoint checks it by the file's first bytes, never by its name.</summary>
public enum FileKind
{
    Pdf,
    Jpeg,
    Png,
    Xlsx,
    Docx,
}

public sealed record FormOption(string Value, string LabelTh, string LabelEn);

/// <summary>
/// One question. Only the limits of its own type apply; a limit left out takes the default below,
/// so the stored JSON stays short and old versions keep meaning the same when defaults are read.
/// </summary>
public sealed record FormQuestion(string Id, FormQuestionType Type, string LabelTh, string LabelEn) : FormItem(Id)
{
    public const int DefaultShortTextMaxLength = 200;
    public const int DefaultLongTextMaxLength = 5000;
    public const int DefaultMaxFiles = 5;
    public const int MoneyDecimals = 2;

    public string? HelpTh { get; init; }

    public string? HelpEn { get; init; }

    public bool Required { get; init; }

    /// <summary>Short and long text: the most characters (string length after NFC normalisation).</summary>
    public int? MaxLength { get; init; }

    /// <summary>Number and money (baht): the smallest value allowed.</summary>
    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    /// <summary>Number: how many decimal places are allowed (0, the default, means whole numbers). Money always allows 2.</summary>
    public int? Decimals { get; init; }

    /// <summary>Number: the unit shown after the input, e.g. "คน", "ตร.กม.".</summary>
    public string? Unit { get; init; }

    public DateOnly? MinDate { get; init; }

    public DateOnly? MaxDate { get; init; }

    /// <summary>Single and multiple choice: the list to pick from (e.g. the seven smart dimensions).</summary>
    public IReadOnlyList<FormOption>? Options { get; init; }

    /// <summary>Multiple choice: picks needed on submit when anything is picked or the question is required.</summary>
    public int? MinSelections { get; init; }

    public int? MaxSelections { get; init; }

    /// <summary>File: attachments allowed for this question.</summary>
    public int? MaxFiles { get; init; }

    /// <summary>File: the kinds accepted; all five when left out.</summary>
    public IReadOnlyList<FileKind>? AcceptedKinds { get; init; }

    public int EffectiveMaxLength => MaxLength ?? (Type == FormQuestionType.LongText ? DefaultLongTextMaxLength : DefaultShortTextMaxLength);

    public int EffectiveDecimals => Type == FormQuestionType.Money ? MoneyDecimals : Decimals ?? 0;

    public int EffectiveMaxFiles => MaxFiles ?? DefaultMaxFiles;

    public IReadOnlyList<FileKind> EffectiveAcceptedKinds => AcceptedKinds ?? Enum.GetValues<FileKind>();

    public bool IsChoice => Type is FormQuestionType.SingleChoice or FormQuestionType.MultipleChoice;
}

/// <summary>
/// The one JSON shape of definitions: camelCase, enums as camelCase strings, dates as yyyy-MM-dd,
/// numbers invariant (System.Text.Json never uses the current culture), Thai written as Thai rather
/// than \u escapes so that the stored row stays readable and a third of the size.
/// </summary>
public static class FormJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(FormDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>Throws <see cref="JsonException"/> on JSON that is not a definition; stored rows were checked when published.</summary>
    public static FormDefinition Deserialize(string json) =>
        JsonSerializer.Deserialize<FormDefinition>(json, Options) ?? throw new JsonException("The form definition is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            // A definition edited by hand (or by another tool) may put "kind" anywhere in the object.
            AllowOutOfOrderMetadataProperties = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
