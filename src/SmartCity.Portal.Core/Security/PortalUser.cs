using Microsoft.AspNetCore.Identity;

namespace SmartCity.Portal.Security;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>ตำแหน่ง, shown beside the name on the office's page.</summary>
    public string? Position { get; set; }

    /// <summary>Entra object id (oid) when Auth:Mode = Entra; null for local accounts.</summary>
    public string? ExternalObjectId { get; set; }

    public bool IsDemo { get; set; }
}
