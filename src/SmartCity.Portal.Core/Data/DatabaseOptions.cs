namespace SmartCity.Portal.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQL Server connection string. For SQLite it may be left empty: the file then lives in the storage folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite always migrates itself; SQL Server only when this is set (DBAs normally apply deploy/sql/).</summary>
    public bool MigrateOnStartup { get; set; }
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>All of a portal's state: the SQLite file and, later, uploaded files. Relative paths are below the app's content root.</summary>
    public string DataDirectory { get; set; } = "data";
}

public static class MigrationAssemblies
{
    public const string Sqlite = "SmartCity.Portal.Migrations.Sqlite";
    public const string SqlServer = "SmartCity.Portal.Migrations.SqlServer";
}
