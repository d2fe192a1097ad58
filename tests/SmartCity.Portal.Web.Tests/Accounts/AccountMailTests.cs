using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using netDumbster.smtp;
using SmartCity.Portal.Security;
using SmartCity.Portal.Web.Tests.Api;
using SmartCity.Portal.Web.Tests.Infrastructure;

namespace SmartCity.Portal.Web.Tests.Accounts;

/// <summary>The portal with SMTP pointed at an in-process SMTP server (netDumbster) started by the test.</summary>
public sealed class SmtpPortalFactory : PortalFactory
{
    public SmtpPortalFactory()
        : this(FreePort())
    {
    }

    private SmtpPortalFactory(int port)
        : base("Development", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Smtp:Security"] = "None",
            ["Smtp:From"] = "smartcity@dla.example",
            ["Portal:PublicBaseUrl"] = "https://smartcity.dla.example",
        })
    {
        Smtp = SimpleSmtpServer.Start(port);
    }

    public SimpleSmtpServer Smtp { get; }

    /// <summary>The messages sent to this address so far, decoded.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string address) =>
        Smtp.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The first message to this address whose subject contains <paramref name="subject"/> (the server keeps no order).</summary>
    public async Task<MimeMessage> WaitForMailAsync(string address, string subject)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            var mail = MailTo(address).FirstOrDefault(m => (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));
            if (mail is not null)
            {
                return mail;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No e-mail \"{subject}\" to {address} within 20 s.");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Stop();
            Smtp.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Links by e-mail through MailKit to a real SMTP conversation: a new account's link, and "forgot password".</summary>
public sealed class AccountMailTests(SmtpPortalFactory factory) : IClassFixture<SmtpPortalFactory>
{
    private static string LinkIn(MimeMessage mail) =>
        (mail.TextBody ?? "").Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("https://smartcity.dla.example/account/set-password?token=", StringComparison.Ordinal));

    [Fact]
    public async Task A_new_account_with_an_address_gets_its_link_by_e_mail_and_the_administrator_does_not_see_it()
    {
        var admin = await factory.BearerClientAsync("admin");
        var name = AccountApi.NewName("mail");
        var address = $"{name}@example.go.th";

        var (_, url, body) = await AccountApi.CreateUserAsync(admin, name, "810116", PortalRoles.MunicipalitySubmitter, address);

        Assert.Null(url);
        Assert.Equal(address, body.GetProperty("emailedTo").GetString());
        var mail = await factory.WaitForMailAsync(address, "ตั้งรหัสผ่านเข้าใช้ระบบ");
        Assert.Contains(name, mail.TextBody, StringComparison.Ordinal);
        await AccountApi.SetPasswordAsync(factory, LinkIn(mail));
        using var token = await factory.CreateApiClient().RequestTokenAsync(name, AccountApi.GoodPassword);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task Forgot_password_mails_only_existing_accounts_and_answers_both_alike()
    {
        var admin = await factory.BearerClientAsync("admin");
        var name = AccountApi.NewName("forgot");
        var address = $"{name}@example.go.th";
        await AccountApi.CreateUserAsync(admin, name, "8101", PortalRoles.DistrictOfficer, address);
        await factory.WaitForMailAsync(address, "ตั้งรหัสผ่านเข้าใช้ระบบ");
        var before = factory.Smtp.ReceivedEmailCount;

        // The endpoint only queues the request (PasswordResetRequests): the answer is written before any lookup.
        using var anonymous = factory.CreateApiClient();
        using var unknown = await anonymous.PostJsonAsync("/api/v1/account/forgot-password", new { userNameOrEmail = "nobody@example.go.th" });
        using var known = await anonymous.PostJsonAsync("/api/v1/account/forgot-password", new { userNameOrEmail = address.ToUpperInvariant() });

        Assert.Equal(unknown.StatusCode, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(await unknown.Content.ReadAsStringAsync(), await known.Content.ReadAsStringAsync());
        Assert.Equal(unknown.Headers.Select(h => h.Key).Order(), known.Headers.Select(h => h.Key).Order());

        var reset = await factory.WaitForMailAsync(address, "ลิงก์ตั้งรหัสผ่านใหม่");
        await AccountApi.SetPasswordAsync(factory, LinkIn(reset));
        // Only the known address got mail: the unknown request sent nothing.
        Assert.Equal(before + 1, factory.Smtp.ReceivedEmailCount);
    }
}
