namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>One portal server and one browser for every journey; each test gets its own browser context.</summary>
[CollectionDefinition(Name)]
public sealed class PortalJourneys : ICollectionFixture<PortalServer>, ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "Portal in Chromium";
}
