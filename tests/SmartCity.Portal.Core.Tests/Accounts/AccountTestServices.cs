using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Accounts;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Core.Tests.Infrastructure;
using SmartCity.Portal.Data;
using SmartCity.Portal.Reports;
using SmartCity.Portal.Security;

namespace SmartCity.Portal.Core.Tests.Accounts;

/// <summary>The account services over a test database, with the links built on a fixed base and e-mail recorded instead of sent.</summary>
internal sealed class AccountTestServices
{
    public const string BaseUrl = "https://portal.test";

    public AccountTestServices(SqliteTestDatabase database, TimeProvider clock, AccountOptions? options = null, bool mail = false)
    {
        Options = Microsoft.Extensions.Options.Options.Create(options ?? new AccountOptions());
        Mailer = new RecordingMailer { IsConfigured = mail };
        var hasher = new PasswordHasher<PortalUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1_000 }));
        Passwords = new PasswordLinkService(database.Factory, hasher, new Links(), Mailer, Options, clock, NullLogger<PasswordLinkService>.Instance);
        Admin = new AccountAdminService(database.Factory, Passwords, Options, clock);
        var gate = new ExportGate(Microsoft.Extensions.Options.Options.Create(new ExportOptions()));
        Imports = new UserImportService(database.Factory, Admin, Passwords, gate, clock);
        Audit = new AdminAuditService(database.Factory, gate, new StorageOptions { DataDirectory = database.DataDirectory }, clock);
        Bootstrap = new BootstrapAdminService(database.Factory, Admin, Passwords, new Links(), Options, clock);
        SignIns = new SignInRecorder(database.Factory, Options, clock);
    }

    public IOptions<AccountOptions> Options { get; }

    public RecordingMailer Mailer { get; }

    public PasswordLinkService Passwords { get; }

    public AccountAdminService Admin { get; }

    public UserImportService Imports { get; }

    public AdminAuditService Audit { get; }

    public BootstrapAdminService Bootstrap { get; }

    public SignInRecorder SignIns { get; }

    /// <summary>The token inside a set-password URL.</summary>
    public static string TokenOf(string url) => Uri.UnescapeDataString(url[(url.IndexOf("token=", StringComparison.Ordinal) + 6)..]);

    private sealed class Links : IAccountLinks
    {
        public string SetPasswordUrl(string token) => $"{BaseUrl}/account/set-password?token={Uri.EscapeDataString(token)}";
    }
}

internal sealed class RecordingMailer : IAccountMailer
{
    public bool IsConfigured { get; set; }

    public List<AccountMail> Sent { get; } = [];

    public Task SendAsync(AccountMail mail, CancellationToken cancellationToken = default)
    {
        lock (Sent)
        {
            Sent.Add(mail);
        }

        return Task.CompletedTask;
    }
}
