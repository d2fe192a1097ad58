using Microsoft.Extensions.Options;
using SmartCity.Portal.Accounts;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Web.Auth;

namespace SmartCity.Portal.Web.Hosting;

/// <summary>
/// <c>dotnet SmartCity.Portal.Web.dll admin create --user &lt;name&gt; --display-name &lt;Thai name&gt; [--email] [--entra-upn] [--force]</c>
/// (<c>scripts/admin.sh</c>): the first administrator of a fresh install, on the same settings as the portal
/// (<c>--Storage:DataDirectory=</c>, <c>--Database:*</c>, environment variables), so production images have it
/// too. Migrates the database first, as the portal's start would. Exit codes: 0 done, 2 bad usage or input,
/// 3 refused (an active administrator exists), 1 anything else.
/// </summary>
public static class AdminCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Refused = 3;

    private static readonly string[] Options = ["--user", "--display-name", "--email", "--entra-upn"];

    public static bool Matches(string[] args) => args is { Length: > 0 } && args[0] == "admin";

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length < 2 || args[1] != "create" || args.Contains("--help") || args.Contains("-h"))
        {
            await error.WriteLineAsync(UsageText);
            return args.Contains("--help") || args.Contains("-h") ? Ok : Usage;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var force = false;
        var rest = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            var arg = args[i];
            var name = arg.Split('=', 2)[0];
            if (arg == "--force")
            {
                force = true;
            }
            else if (Options.Contains(name))
            {
                if (arg.Contains('=', StringComparison.Ordinal))
                {
                    values[name] = arg[(name.Length + 1)..];
                }
                else if (i + 1 < args.Length)
                {
                    values[name] = args[++i];
                }
                else
                {
                    await error.WriteLineAsync($"ไม่ได้ระบุค่าของ {name} / {name} needs a value");
                    return Usage;
                }
            }
            else
            {
                // Everything else configures the host exactly as for the portal: --Storage:DataDirectory=..., --environment ...
                rest.Add(arg);
            }
        }

        if (!values.TryGetValue("--user", out var user) || !values.TryGetValue("--display-name", out var displayName))
        {
            await error.WriteLineAsync("ต้องระบุ --user และ --display-name / --user and --display-name are required");
            await error.WriteLineAsync(UsageText);
            return Usage;
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. rest] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPortalCore();
        builder.Services.AddPortalData(builder.Configuration, builder.Environment);
        builder.Services.AddPortalAuth(builder.Configuration);
        builder.Services.AddPortalUi();
        await using var app = builder.Build();

        var entra = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.Mode == AuthMode.Entra;
        values.TryGetValue("--email", out var email);
        values.TryGetValue("--entra-upn", out var upn);
        if (entra && string.IsNullOrWhiteSpace(upn) && string.IsNullOrWhiteSpace(email))
        {
            await error.WriteLineAsync("โหมด Entra ต้องระบุ --entra-upn (หรือ --email) / Entra mode needs --entra-upn (or --email)");
            return Usage;
        }

        try
        {
            await app.InitializePortalDatabaseAsync();
            var result = await app.Services.GetRequiredService<BootstrapAdminService>().CreateAsync(
                new BootstrapRequest(user, displayName, email, upn, force, Environment.UserName));
            var storage = app.Services.GetRequiredService<StorageOptions>();
            await output.WriteLineAsync(result.NewLinkForExisting
                ? $"ผู้ดูแลระบบ {result.UserName} ยังไม่ได้ตั้งรหัสผ่าน: ออกลิงก์ใหม่แทน (ลิงก์เดิมใช้ไม่ได้แล้ว) / {result.UserName} had not set a password yet: a new link replaces the old one"
                : $"สร้างผู้ดูแลระบบ {result.UserName} แล้ว / Created administrator {result.UserName} (data: {storage.DataDirectory}, environment: {app.Environment.EnvironmentName})");
            if (result.SetPasswordUrl is { } url)
            {
                await output.WriteLineAsync($"set-password: {url}");
                await output.WriteLineAsync($"ใช้ได้ครั้งเดียว ภายใน {ThaiTime.FormatDateTime(result.ExpiresUtc!.Value)} / one use, until {ThaiTime.FormatDateTime(result.ExpiresUtc.Value, english: true)}");
                if (string.IsNullOrWhiteSpace(app.Services.GetRequiredService<IOptions<PortalOptions>>().Value.PublicBaseUrl))
                {
                    await error.WriteLineAsync("คำเตือน: ยังไม่ได้ตั้งค่า Portal:PublicBaseUrl ลิงก์จึงใช้ที่อยู่ภายในเครื่อง / warning: Portal:PublicBaseUrl is not set; the link uses a local address");
                }
            }
            else
            {
                await output.WriteLineAsync($"entra-upn: {result.EntraUpn} (ผูกกับบัญชี Entra เมื่อลงชื่อเข้าใช้ครั้งแรก / bound at the first Entra sign-in)");
            }

            return Ok;
        }
        catch (PortalConflictException e)
        {
            await error.WriteLineAsync($"ปฏิเสธ: {e.PortalMessage.Th}");
            await error.WriteLineAsync($"Refused: {e.PortalMessage.En}");
            return Refused;
        }
        catch (PortalException e)
        {
            await error.WriteLineAsync($"ไม่สำเร็จ: {e.PortalMessage.Th}");
            await error.WriteLineAsync($"Failed: {e.PortalMessage.En}");
            return Usage;
        }
    }

    private const string UsageText = """
        ใช้งาน / Usage:
          dotnet SmartCity.Portal.Web.dll admin create --user <name> --display-name <ชื่อ–นามสกุล> [--email <e-mail>] [--entra-upn <upn>] [--force]
                 [--Storage:DataDirectory=<folder>] [--Database:Provider=SqlServer --Database:ConnectionString=...] [--environment Production]
        Creates the first Portal.Admin (a membership at the department). Local mode prints "set-password: <URL>" (one use, 72 h);
        Entra mode keeps the UPN for binding at the first sign-in. Refused while an active administrator exists, unless --force.
        """;
}
