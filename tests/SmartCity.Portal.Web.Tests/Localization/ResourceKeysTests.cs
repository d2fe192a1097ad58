using System.Globalization;
using System.Resources;
using SmartCity.Portal.Web;

namespace SmartCity.Portal.Web.Tests.Localization;

/// <summary>
/// Thai is the neutral resource and English the satellite: a key only in one of them shows the
/// other language (or the bare key) to someone, which is exactly what officers report as "broken".
/// </summary>
public sealed class ResourceKeysTests
{
    private static readonly ResourceManager Resources = new("SmartCity.Portal.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    [Fact]
    public void Thai_and_English_resources_have_the_same_keys_and_no_empty_text()
    {
        var thai = Entries(CultureInfo.InvariantCulture);
        var english = Entries(CultureInfo.GetCultureInfo("en"));

        Assert.NotEmpty(thai);
        Assert.Empty(thai.Keys.Except(english.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(english.Keys.Except(thai.Keys).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(thai, e => string.IsNullOrWhiteSpace(e.Value));
        Assert.DoesNotContain(english, e => string.IsNullOrWhiteSpace(e.Value));
    }

    [Fact]
    public void The_neutral_resource_is_thai()
    {
        var thai = Entries(CultureInfo.InvariantCulture);

        Assert.Contains("ส่ง", thai["Bulk.ConfirmYes"], StringComparison.Ordinal);
        Assert.Equal("Forward", Entries(CultureInfo.GetCultureInfo("en"))["Bulk.ConfirmYes"]);
    }

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        // tryParents: false reads exactly one file, so a key missing from English is not filled in from
        // Thai. The set belongs to the manager's cache: disposing it would close it for the next caller.
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty, StringComparer.Ordinal);
    }
}
