using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Submissions.Routing;

/// <summary>
/// A campaign's routing: for each municipality class, whether its report passes the district
/// office. Data, not code paths: DLA may change it per round, and <see cref="Next"/> is a pure
/// function tested by table.
/// </summary>
public sealed record RoutingRule(IReadOnlyDictionary<MunicipalityClass, bool> ViaDistrict)
{
    /// <summary>DESIGN.md 2: ตำบล goes through the district; นคร and เมือง go straight to the province.</summary>
    public static RoutingRule Default { get; } = new(new Dictionary<MunicipalityClass, bool>
    {
        [MunicipalityClass.City] = false,
        [MunicipalityClass.Town] = false,
        [MunicipalityClass.Subdistrict] = true,
    });

    public bool PassesDistrict(MunicipalityClass municipalityClass) =>
        ViaDistrict.TryGetValue(municipalityClass, out var via) && via;

    /// <summary>The tier that holds a report after the given tier hands it on.</summary>
    public Tier Next(MunicipalityClass municipalityClass, Tier from) => from switch
    {
        Tier.Municipality => PassesDistrict(municipalityClass) ? Tier.District : Tier.Province,
        Tier.District => Tier.Province,
        Tier.Province => Tier.Dla,
        _ => throw new ArgumentOutOfRangeException(nameof(from), from, "Nothing comes after DLA."),
    };

    public bool Equals(RoutingRule? other) =>
        other is not null && Enum.GetValues<MunicipalityClass>().All(c => PassesDistrict(c) == other.PassesDistrict(c));

    public override int GetHashCode() =>
        Enum.GetValues<MunicipalityClass>().Aggregate(0, (h, c) => (h * 2) + (PassesDistrict(c) ? 1 : 0));
}
