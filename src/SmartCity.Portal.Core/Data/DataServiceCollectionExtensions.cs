using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SmartCity.Portal.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{PortalDbContext}"/> for the configured provider.
    /// A Blazor circuit lives for minutes and a context is not thread-safe, so code asks the
    /// factory for one context per operation.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = Path.GetFullPath(storage.DataDirectory, environment.ContentRootPath);
        storage.DataDirectory = dataDirectory;

        services.AddSingleton(database);
        services.AddSingleton(storage);
        services.AddDbContextFactory<PortalDbContext>(options => Configure(options, database, dataDirectory));
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions database, string dataDirectory)
    {
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(SqliteConnectionString(database, dataDirectory), o => o.MigrationsAssembly(MigrationAssemblies.Sqlite));
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(database.ConnectionString))
                {
                    throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer.");
                }

                options.UseSqlServer(database.ConnectionString, o => o.MigrationsAssembly(MigrationAssemblies.SqlServer));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{database.Provider}'.");
        }
    }

    private static string SqliteConnectionString(DatabaseOptions database, string dataDirectory)
    {
        if (!string.IsNullOrWhiteSpace(database.ConnectionString))
        {
            return database.ConnectionString;
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "portal.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
