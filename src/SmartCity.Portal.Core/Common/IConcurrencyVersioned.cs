namespace SmartCity.Portal.Common;

/// <summary>
/// An entity that people edit. SQLite has no server-generated row version, so the
/// context rotates this Guid on every update and EF compares it in the WHERE clause:
/// the same mechanism works on SQLite and SQL Server.
/// </summary>
public interface IConcurrencyVersioned
{
    Guid ConcurrencyToken { get; set; }
}
