using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SmartCity.Portal.Audit;

public static class AuditChain
{
    /// <summary>The "previous hash" of a submission's first event.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 over the previous hash and every stored field in a fixed order, each written
    /// length-prefixed so that no two different events serialise to the same text.
    /// </summary>
    public static string ComputeHash(WorkflowEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var builder = new StringBuilder();
        void Field(string? value)
        {
            value ??= "\u2400"; // ␀ marks null, distinct from the empty string
            builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
        }

        Field(e.PreviousHash);
        Field(e.SubmissionId.ToString(CultureInfo.InvariantCulture));
        Field(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(e.UserId);
        Field(e.UserName);
        Field(e.ActingOrgUnitId?.ToString(CultureInfo.InvariantCulture));
        Field(e.Action);
        Field(e.FromState);
        Field(e.ToState);
        Field(e.Comment);
        Field(DateTime.SpecifyKind(e.OccurredUtc, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
