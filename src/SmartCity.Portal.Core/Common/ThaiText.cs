using System.Globalization;
using System.Text;

namespace SmartCity.Portal.Common;

/// <summary>
/// Names as people paste them from Word and Excel: stray and double spaces, zero-width spaces, non-breaking
/// spaces, and Thai vowels typed as two code points. Stored and compared in one form, so that the same
/// name is the same text.
/// </summary>
public static class ThaiText
{
    /// <summary>NFC, sara am (ำ) as one code point, zero-width characters removed, whitespace runs collapsed and trimmed.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // NFC does not compose nikhahit + sara aa into sara am (there is no canonical mapping), so it is done by hand.
        var normal = text.Normalize(NormalizationForm.FormC).Replace("\u0E4D\u0E32", "\u0E33", StringComparison.Ordinal);
        var builder = new StringBuilder(normal.Length);
        var space = false;
        foreach (var c in normal)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF')
            {
                continue;
            }

            if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator)
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
