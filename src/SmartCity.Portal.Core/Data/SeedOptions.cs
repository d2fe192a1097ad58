namespace SmartCity.Portal.Data;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Demo municipalities and accounts. On by default, ignored in Production.</summary>
    public bool Demo { get; set; } = true;

    public string DemoPassword { get; set; } = Security.DemoAccounts.DefaultPassword;

    /// <summary>
    /// The synthetic national data set (<see cref="Organisations.SyntheticNationalData"/>) for measuring at full
    /// scale. Off by default; needs <see cref="Demo"/> (it fills the demo campaign) and is ignored in Production.
    /// </summary>
    public bool National { get; set; }

    /// <summary>Stop the host once the database is migrated and seeded: how scripts/seed-national.sh builds a data set.</summary>
    public bool ExitAfterSeeding { get; set; }
}
