namespace SmartCity.Portal.Web.Features.Accounts;

/// <summary>The largest list file the import page and API take: about 100,000 rows of CSV; more is refused with a Thai message.</summary>
public static class AccountImportLimits
{
    public const long MaxBytes = 10 * 1024 * 1024;
}
