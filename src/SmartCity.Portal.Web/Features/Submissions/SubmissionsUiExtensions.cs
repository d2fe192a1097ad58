namespace SmartCity.Portal.Web.Features.Submissions;

/// <summary>Registrations of the submission pages and their background work.</summary>
public static class SubmissionsUiExtensions
{
    public static IServiceCollection AddSubmissionsUi(this IServiceCollection services)
    {
        services.AddHostedService<LapseSweepService>();
        services.AddOptions<ReportFormOptions>().BindConfiguration(ReportFormOptions.Section);
        return services;
    }
}
