namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>
/// A fresh Production install: empty data folder, Seed:Demo off, no Portal:PublicBaseUrl (links use the
/// server's own address). Open pages revalidate every 2 s so a revocation shows within the test.
/// </summary>
public sealed class FreshProductionServer() : PortalServer("Production", new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["Seed:Demo"] = "false",
    ["Auth:RevalidationInterval"] = "00:00:02",
});

[CollectionDefinition(Name)]
public sealed class FreshInstallJourneys : ICollectionFixture<FreshProductionServer>, ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "Fresh Production install in Chromium";
}
