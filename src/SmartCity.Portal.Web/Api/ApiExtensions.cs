using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using SmartCity.Portal.Web.Auth;

namespace SmartCity.Portal.Web.Api;

/// <summary>The public HTTP API, version 1 (DESIGN.md 6).</summary>
public static class ApiExtensions
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // Thai as Thai, not \u0E.. escapes.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi(o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "SmartCity.Portal API";
                document.Info.Description = "DLA Smart City selection portal, version 1. Errors are RFC 7807 problem details: title in Thai, titleEn in English, code stable.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "Local mode: a token from POST /api/v1/auth/token. Entra mode: an Entra access token for the portal's app registration.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
        });
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup(Prefix)
            .RequireAuthorization(AuthServiceCollectionExtensions.ApiPolicy)
            .WithMetadata(new PortalApiEndpointMetadata())
            .AddEndpointFilter<PortalProblemFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        if (app.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.Mode == AuthMode.Local)
        {
            api.MapTokenEndpoint();
        }

        api.MapDirectoryEndpoints();
        api.MapSubmissionEndpoints();
        api.MapRegisterEndpoints();
        api.MapFormEndpoints();
        api.MapDispatchEndpoints();
        api.MapExportEndpoints();
        api.MapAttachmentEndpoints();
        api.MapCampaignDocumentEndpoints();
        api.MapCampaignAdminEndpoints();
        api.MapAccountAdminEndpoints();
        api.MapPasswordEndpoints();

        // Anything else under the prefix: 401 JSON without credentials, 404 JSON with them; never a page.
        api.Map("/{**rest}", () => ApiProblems.Create(StatusCodes.Status404NotFound, ApiMessages.NoSuchEndpoint))
            .ExcludeFromDescription();
        return app;
    }
}
