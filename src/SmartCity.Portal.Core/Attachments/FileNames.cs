using System.Text;

namespace SmartCity.Portal.Attachments;

/// <summary>The name a person gave a file, made safe to show: it is only ever displayed, never a path.</summary>
public static class FileNames
{
    /// <summary>
    /// NFC (a Thai name typed on a Mac arrives decomposed), without folders, control characters or
    /// the bidi controls that make <c>exe.pdf</c> look like <c>fdp.exe</c>; null when nothing is left.
    /// </summary>
    public static string? Sanitise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var normalised = name.Normalize(NormalizationForm.FormC);
        var lastSeparator = normalised.LastIndexOfAny(['/', '\\']);
        var leaf = lastSeparator >= 0 ? normalised[(lastSeparator + 1)..] : normalised;
        var builder = new StringBuilder(leaf.Length);
        foreach (var c in leaf)
        {
            if (!char.IsControl(c) && !IsBidiControl(c))
            {
                builder.Append(c);
            }
        }

        // Leading dots would make ".." or a hidden-looking name; trailing dots and spaces vanish on Windows.
        var cleaned = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (cleaned.Length == 0)
        {
            return null;
        }

        if (cleaned.Length > Attachment.OriginalFileNameMaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length <= 10 ? extension : "";
            cleaned = cleaned[..(Attachment.OriginalFileNameMaxLength - extension.Length)] + extension;
            // Never leave half of a surrogate pair at the cut.
            cleaned = cleaned.Normalize(NormalizationForm.FormC);
        }

        return cleaned;
    }

    private static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
