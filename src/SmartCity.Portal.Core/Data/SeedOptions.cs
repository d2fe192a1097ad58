namespace SmartCity.Portal.Data;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Demo municipalities and accounts. On by default, ignored in Production.</summary>
    public bool Demo { get; set; } = true;

    public string DemoPassword { get; set; } = Security.DemoAccounts.DefaultPassword;
}
