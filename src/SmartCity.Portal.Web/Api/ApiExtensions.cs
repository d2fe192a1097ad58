namespace SmartCity.Portal.Web.Api;

/// <summary>The public HTTP API, version 1 (DESIGN.md 6).</summary>
public static class ApiExtensions
{
    public static IServiceCollection AddPortalApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app) => app;
}
