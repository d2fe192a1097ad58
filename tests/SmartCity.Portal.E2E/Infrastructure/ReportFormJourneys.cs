namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>
/// A portal of its own for filling the report (Krabi Noi, 810103): the shared journeys expect that
/// municipality not to have started, and the deadline-day journey submits it by the API.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReportFormJourneys : ICollectionFixture<PortalServer>, ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "Report form in Chromium";
}
