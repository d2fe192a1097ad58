using SmartCity.Portal.Common;

namespace SmartCity.Portal.Core.Tests.Common;

public sealed class ThaiDigitsTests
{
    [Theory]
    [InlineData("0123456789", "๐๑๒๓๔๕๖๗๘๙")]
    [InlineData("กบ 0023.3", "กบ ๐๐๒๓.๓")]
    [InlineData("กบ ๐๐๒๓.๓", "กบ ๐๐๒๓.๓")]
    [InlineData("", "")]
    public void Ascii_digits_become_Thai_digits_and_back(string ascii, string thai)
    {
        Assert.Equal(thai, ThaiDigits.ToThai(ascii));
        Assert.Equal(ascii.Replace("๐๐๒๓.๓", "0023.3", StringComparison.Ordinal), ThaiDigits.ToAscii(thai));
    }

    [Theory]
    [InlineData("กบ ๐๐๒๓.๓", 15, "กบ ๐๐๒๓.๓/๑๕")]
    [InlineData("กบ 0023.3/", 1, "กบ ๐๐๒๓.๓/๑")]
    [InlineData(" มท 0810.2 ", 3095, "มท ๐๘๑๐.๒/๓๐๙๕")]
    public void The_letter_number_is_prefix_slash_number_in_Thai_digits(string prefix, int number, string expected) =>
        Assert.Equal(expected, ThaiDigits.LetterNo(prefix, number));
}
