using System.Text;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Accounts;

/// <summary>
/// The password rules, after NIST SP 800-63B: length over composition (no "one capital, one digit"),
/// at least <see cref="AccountOptions.MinPasswordLength"/> characters (more for administrators), any
/// characters including Thai and spaces, and a refusal of what an attacker tries first: the user name,
/// the portal's and the department's names, a short list of common passwords, repeats and sequences.
/// The password itself is stored exactly as typed (Identity's hash); only these checks normalise it.
/// </summary>
public static class PasswordPolicy
{
    public const int MaxLength = 128;

    /// <summary>Words that name this portal or its owner: a password built on them is the first an attacker tries.</summary>
    private static readonly string[] PortalWords =
        ["smartcity", "smartcityportal", "dlasmartcity", "สถ.", "กรมส่งเสริมการปกครองท้องถิ่น", "เมืองน่าอยู่อัจฉริยะ", "เมืองอัจฉริยะ"];

    /// <summary>
    /// The most common passwords of public breach lists (the head of such lists covers most guessing
    /// attacks), with the local ones: the demo password, Thai words typed on a Thai keyboard.
    /// </summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword", "p@ssword1", "p@ssw0rd1",
        "12345678", "123456789", "1234567890", "12345678910", "87654321", "11111111", "00000000", "123123123", "123321123", "11223344",
        "qwertyui", "qwerty123", "qwerty1234", "qwertyuiop", "1q2w3e4r", "1q2w3e4r5t", "zaq12wsx", "1qaz2wsx", "asdfghjk", "asdfasdf",
        "iloveyou", "iloveyou1", "sunshine", "princess", "football", "baseball", "welcome1", "welcome123", "letmein1", "trustno1",
        "admin123", "admin1234", "administrator", "changeme", "changeme1", "default1", "superman", "starwars", "whatever", "computer",
        "abc12345", "abcd1234", "a1234567", "aa123456", "aa12345678", "q1w2e3r4", "monkey123", "dragon123", "master123", "login123",
        "demo@2567", "demo2567", "thailand", "thailand1", "bangkok1", "krungthep", "sawasdee", "sawadee1", "12345678a", "thai1234",
        "รหัสผ่าน", "รหัสผ่าน1234", "ประเทศไทย", "สวัสดีครับ", "สวัสดีค่ะ", "ๅ/-ภถุึคต", "ๅ/-ภถุึคตจ",
    };

    /// <summary>The reasons (none: acceptable) a password is refused for an account with this user name.</summary>
    public static IReadOnlyList<PortalMessage> Check(string? password, string? userName, bool isAdministrator, AccountOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<PortalMessage>();
        password ??= "";
        var min = Math.Max(8, isAdministrator ? Math.Max(options.AdminMinPasswordLength, options.MinPasswordLength) : options.MinPasswordLength);
        // NIST SP 800-63B counts each Unicode code point as one character (a Thai tone mark too).
        var length = password.Normalize(NormalizationForm.FormC).EnumerateRunes().Count();
        if (length < min)
        {
            problems.Add(AccountMessages.PasswordTooShort(min));
        }

        if (password.Length > MaxLength)
        {
            problems.Add(AccountMessages.PasswordTooLong);
        }

        var folded = Fold(password);
        var compact = Compact(folded);
        var name = Fold(userName ?? "");
        if (name.Length >= 3 && (folded.Contains(name, StringComparison.Ordinal) || compact.Contains(Compact(name), StringComparison.Ordinal)))
        {
            problems.Add(AccountMessages.PasswordHasUserName);
        }

        if (PortalWords.Any(w => folded.Contains(w, StringComparison.Ordinal) || compact.Contains(Compact(w), StringComparison.Ordinal)))
        {
            problems.Add(AccountMessages.PasswordHasPortalName);
        }

        if (Common.Contains(folded) || Common.Contains(compact))
        {
            problems.Add(AccountMessages.PasswordCommon);
        }
        else if (password.Length > 0 && IsRepetitiveOrSequence(folded))
        {
            problems.Add(AccountMessages.PasswordRepetitive);
        }

        return problems;
    }

    /// <summary>True when a password of this length would be refused for being too short for an administrator (sign-in check).</summary>
    public static bool TooShortFor(string password, bool isAdministrator, AccountOptions options) =>
        Check(password, null, isAdministrator, options).Any(p => p.Code == "password-too-short");

    /// <summary>Case-folded and compatibility-normalised, so "SmartCity" and "ＳｍａｒｔＣｉｔｙ" compare alike.</summary>
    private static string Fold(string value) => value.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Without spaces and separators: "smart city" and "smart-city" are "smartcity".</summary>
    private static string Compact(string value) => new(value.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_' or '.')).ToArray());

    private static bool IsRepetitiveOrSequence(string value)
    {
        if (value.Distinct().Count() <= 2)
        {
            return true;
        }

        // 12345678, abcdefgh, 98765432: each character one step from the one before.
        var ascending = true;
        var descending = true;
        for (var i = 1; i < value.Length; i++)
        {
            ascending &= value[i] == value[i - 1] + 1;
            descending &= value[i] == value[i - 1] - 1;
        }

        return ascending || descending;
    }
}
