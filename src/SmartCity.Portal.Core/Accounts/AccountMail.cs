using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using SmartCity.Portal.Common;

namespace SmartCity.Portal.Accounts;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it (MailKit's Auto).</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Section <c>Smtp</c>: without a host the portal sends no e-mail and shows links to the administrator instead.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "no-reply@localhost";

    public string FromName { get; set; } = "ระบบรายงานเมืองน่าอยู่อัจฉริยะ กรมส่งเสริมการปกครองท้องถิ่น";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public sealed record AccountMail(string To, string ToName, string Subject, string Body);

public interface IAccountMailer
{
    bool IsConfigured { get; }

    /// <summary>Sends one message; throws when the server refuses it or cannot be reached.</summary>
    Task SendAsync(AccountMail mail, CancellationToken cancellationToken = default);
}

/// <summary>MailKit over the configured SMTP server: one connection per message (a few a day, no pool needed).</summary>
public sealed class SmtpAccountMailer(IOptions<SmtpOptions> options) : IAccountMailer
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(AccountMail mail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        if (!o.IsConfigured)
        {
            throw new InvalidOperationException("Smtp:Host is not set.");
        }

        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = o.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(o.Host!, o.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>The e-mails' words, in Thai first with an English line for the few who read the portal in English.</summary>
public static class AccountMailTexts
{
    public static AccountMail SetPassword(string email, string displayName, string userName, string url, DateTime expiresUtc) => new(
        email, displayName,
        "ตั้งรหัสผ่านเข้าใช้ระบบรายงานเมืองน่าอยู่อัจฉริยะ / Set your SmartCity.Portal password",
        $"""
        เรียน {displayName}

        ผู้ดูแลระบบได้สร้างบัญชีผู้ใช้ระบบรายงานผลการพัฒนาเมืองน่าอยู่อัจฉริยะให้ท่านแล้ว
        ชื่อผู้ใช้: {userName}

        กรุณาตั้งรหัสผ่านของท่านที่ลิงก์นี้ (ใช้ได้ครั้งเดียว ภายใน {ThaiTime.FormatDateTime(expiresUtc)}):
        {url}

        หากท่านไม่ได้คาดว่าจะได้รับอีเมลนี้ กรุณาแจ้งผู้ดูแลระบบของหน่วยงาน

        An administrator created your SmartCity.Portal account (user name {userName}). Set your password with the link above;
        it works once, until {ThaiTime.FormatDateTime(expiresUtc, english: true)}.
        """);

    public static AccountMail Reset(string email, string displayName, string userName, string url, DateTime expiresUtc) => new(
        email, displayName,
        "ลิงก์ตั้งรหัสผ่านใหม่ ระบบรายงานเมืองน่าอยู่อัจฉริยะ / Reset your SmartCity.Portal password",
        $"""
        เรียน {displayName}

        มีการขอตั้งรหัสผ่านใหม่สำหรับชื่อผู้ใช้ {userName}
        ตั้งรหัสผ่านใหม่ได้ที่ลิงก์นี้ (ใช้ได้ครั้งเดียว ภายใน {ThaiTime.FormatDateTime(expiresUtc)}):
        {url}

        หากท่านไม่ได้ขอ ไม่ต้องทำอะไร รหัสผ่านเดิมยังใช้ได้ตามปกติ

        Someone asked to reset the password of {userName}. Use the link above (once, until {ThaiTime.FormatDateTime(expiresUtc, english: true)}).
        If it was not you, ignore this e-mail: your password stays as it is.
        """);
}
