using System.Globalization;
using System.Text;

namespace SmartCity.Portal.Common;

/// <summary>
/// Thai digits (๐–๙), as official letters print their numbers. Stored text keeps them exactly as
/// printed; people may type either kind, so input is normalised before it is stored or compared.
/// </summary>
public static class ThaiDigits
{
    private const char ThaiZero = '\u0E50';

    public static string ToThai(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Map(text, static c => c is >= '0' and <= '9' ? (char)(ThaiZero + (c - '0')) : c);
    }

    public static string ToThai(int number) => ToThai(number.ToString(CultureInfo.InvariantCulture));

    public static string ToAscii(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Map(text, static c => c is >= ThaiZero and <= (char)(ThaiZero + 9) ? (char)('0' + (c - ThaiZero)) : c);
    }

    /// <summary>"กบ ๐๐๒๓.๓/๑๕": the office's prefix, a slash, the send-register number in Thai digits.</summary>
    public static string LetterNo(string prefix, int number)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return $"{ToThai(prefix.Trim().TrimEnd('/').TrimEnd())}/{ToThai(number)}";
    }

    private static string Map(string text, Func<char, char> map)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(map(c));
        }

        return builder.ToString();
    }
}
