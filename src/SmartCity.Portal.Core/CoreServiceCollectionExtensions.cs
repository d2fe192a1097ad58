using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Security;

namespace SmartCity.Portal;

public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddPortalCore(this IServiceCollection services)
    {
        // Bangkok as local time for whatever asks a TimeProvider for it (the date pickers' "today"); see ThaiTime.Today.
        services.TryAddSingleton<TimeProvider>(new Common.BangkokTimeProvider(TimeProvider.System));
        services.AddSingleton<ActiveMembershipResolver>();
        services.AddSingleton<OrganisationService>();
        services.AddSingleton<Campaigns.CampaignService>();
        services.AddSingleton<Forms.FormService>();
        services.AddSingleton<Submissions.SubmissionChangeNotifier>();
        services.AddSingleton<Submissions.SubmissionService>();
        services.AddSingleton<Submissions.BulkActionService>();
        services.AddSingleton<Audit.AuditService>();
        services.AddSingleton<Registers.PaperCopyService>();
        services.AddSingleton<Dashboards.TrackerService>();
        services.AddSingleton<Registers.DispatchService>();
        services.AddOptions<Reports.ExportOptions>().BindConfiguration(Reports.ExportOptions.Section);
        services.AddSingleton<Reports.ExportGate>();
        services.AddSingleton<Reports.ExportService>();
        services.AddSingleton<Dashboards.DashboardService>();
        services.AddOptions<Attachments.AttachmentOptions>().BindConfiguration(Attachments.AttachmentOptions.Section);
        services.AddSingleton<Attachments.AttachmentService>();
        services.AddSingleton<Submissions.SubmissionReportService>();
        services.AddSingleton<Campaigns.CampaignAdminService>();
        services.AddSingleton<Campaigns.CampaignDocumentService>();
        AddAccounts(services);
        return services;
    }

    private static void AddAccounts(IServiceCollection services)
    {
        services.AddOptions<Accounts.AccountOptions>().BindConfiguration(Accounts.AccountOptions.Section);
        services.AddOptions<Accounts.PortalOptions>().BindConfiguration(Accounts.PortalOptions.Section);
        services.AddOptions<Accounts.SmtpOptions>().BindConfiguration(Accounts.SmtpOptions.Section);
        // Stateless and thread-safe: one for the singleton services and for Identity's UserManager alike.
        services.TryAddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<PortalUser>, Microsoft.AspNetCore.Identity.PasswordHasher<PortalUser>>();
        services.TryAddSingleton<Accounts.IAccountMailer, Accounts.SmtpAccountMailer>();
        services.AddSingleton<Accounts.PasswordLinkService>();
        services.AddSingleton<Accounts.AccountAdminService>();
        services.AddSingleton<Accounts.UserImportService>();
        services.AddSingleton<Accounts.BootstrapAdminService>();
        services.AddSingleton<Accounts.PasswordResetRequests>();
        services.AddSingleton<Accounts.SignInRecorder>();
        services.AddSingleton<Audit.AdminAuditService>();
    }
}
