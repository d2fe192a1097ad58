namespace SmartCity.Portal.E2E.Infrastructure;

/// <summary>
/// A portal of its own for the deadline-day journey (paper copies, dispatch, DLA receipt,
/// dashboard, export): it needs Krabi's municipalities untouched by the other journeys.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DeadlineDayJourneys : ICollectionFixture<PortalServer>, ICollectionFixture<ChromiumBrowser>
{
    public const string Name = "Deadline day in Chromium";
}
