using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SmartCity.Portal.Accounts;
using SmartCity.Portal.Attachments;
using SmartCity.Portal.Audit;
using SmartCity.Portal.Common;
using SmartCity.Portal.Data;
using SmartCity.Portal.Organisations;
using SmartCity.Portal.Reports;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SmartCity.Portal.Web.Api;

public sealed record MembershipGrantDto(string? OfficeCode, string? Role, DateOnly? EndsOn);

public sealed record NewUserDto(string? UserName, string? DisplayName, string? Email, IReadOnlyList<MembershipGrantDto>? Memberships, string? Position, string? EntraUpn);

public sealed record UserEditDto(string? DisplayName, string? Email, string? Position, string? EntraUpn, bool MustChangePassword);

public sealed record DisableDto(string? Reason);

public sealed record MembershipDto(
    int Id, string OfficeCode, string OfficeName, string? OfficeNameEn, OrgUnitKind OfficeKind, string Role, DateTimeOffset CreatedAt, DateTimeOffset? EndsAt, bool Active)
{
    public static MembershipDto From(MembershipView m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Id, m.OfficeCode, m.OfficeNameTh, m.OfficeNameEn, m.OfficeKind, m.Role, ApiTime.Bangkok(m.CreatedUtc), m.EndsUtc is { } e ? ApiTime.Bangkok(e) : null, m.IsActive);
    }
}

public sealed record UserDto(
    string Id, string UserName, string DisplayName, string? Email, string? Position, AccountStatus Status, bool Disabled, DateTimeOffset? LockedOutUntil,
    DateTimeOffset? LastSignIn, bool HasPassword, bool IsDemo, IReadOnlyList<MembershipDto> Memberships)
{
    public static UserDto From(AccountSummary a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.UserName, a.DisplayName, a.Email, a.Position, a.Status, a.IsDisabled, Time(a.LockedOutUntilUtc), Time(a.LastSignInUtc),
            a.HasPassword, a.IsDemo, a.Memberships.Select(MembershipDto.From).ToList());
    }

    internal static DateTimeOffset? Time(DateTime? utc) => utc is { } t ? ApiTime.Bangkok(t) : null;
}

public sealed record UserDetailDto(
    UserDto User, string? EntraUpn, bool EntraBound, bool MustChangePassword, DateTimeOffset? DisabledAt, string? DisabledReason, DateTimeOffset? CreatedAt,
    bool CanManage, string Etag)
{
    public static UserDetailDto From(AccountDetail d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(UserDto.From(d.Account), d.EntraUpn, d.EntraBound, d.MustChangePassword, UserDto.Time(d.DisabledUtc), d.DisabledReason, UserDto.Time(d.CreatedUtc),
            d.CanManage, ETags.Format(d.ConcurrencyToken));
    }
}

public sealed record UserPageDto(IReadOnlyList<UserDto> Items, int Total, int Page, int PageSize);

/// <summary><c>setPasswordUrl</c> is null when the link went by e-mail (<c>emailedTo</c>) or in Entra mode.</summary>
public sealed record UserCreatedDto(string Id, string UserName, string? SetPasswordUrl, DateTimeOffset? ExpiresAt, string? EmailedTo, bool EmailFailed);

public sealed record PasswordLinkDto(string? Url, DateTimeOffset ExpiresAt, string? EmailedTo, bool EmailFailed);

public sealed record ImportMessageDto(string Column, string Code, string Title, string TitleEn);

public sealed record UserImportRowDto(
    int Row, string UserName, string DisplayName, string? Email, string OfficeCode, string? Role, string Status, IReadOnlyList<ImportMessageDto> Messages,
    string? SetPasswordUrl, string? EmailedTo);

public sealed record UserImportReportDto(bool Applied, int Added, int Changed, int Unchanged, int Refused, IReadOnlyList<UserImportRowDto> Rows)
{
    public static UserImportReportDto From(UserImportReport r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Applied, r.Added, r.Changed, r.Unchanged, r.Refused, r.Rows.Select(x => new UserImportRowDto(
            x.Row, x.UserName, x.DisplayName, x.Email, x.OfficeCode, x.Role, UserImportService.StatusText(x.Status).Code,
            x.Messages.Select(m => new ImportMessageDto(m.Column, m.Message.Code, m.Message.Th, m.Message.En)).ToList(), x.SetPasswordUrl, x.EmailedTo)).ToList());
    }
}

public sealed record AdminEventDto(
    long Id, DateTimeOffset At, string Actor, string Action, string ActionTitle, string? UserName, string? OfficeCode,
    IReadOnlyDictionary<string, string> Before, IReadOnlyDictionary<string, string> After, string? Note);

public sealed record AdminEventPageDto(IReadOnlyList<AdminEventDto> Items, int Total, int Page, int PageSize);

public sealed record OfficeDto(int Id, string Code, string Name, string? NameEn, OrgUnitKind Kind);

/// <summary>
/// Accounts, memberships, user imports and the administrative audit over HTTP: the same
/// <see cref="AccountAdminService"/>, <see cref="UserImportService"/> and <see cref="AdminAuditService"/> calls the
/// admin pages make, so delegation (DLA's administrators everywhere, a provincial administrator in its province,
/// 404 outside) is decided in one place.
/// </summary>
internal static class AccountAdminEndpoints
{
    public const long MaxImportBytes = Features.Accounts.AccountImportLimits.MaxBytes;

    public static void MapAccountAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("accounts");
        admin.MapGet("/users", ListAsync)
            .WithSummary("Administrators: accounts within the caller's reach (?officeCode= one office's people, ?q= Thai/English name, user name or e-mail, ?page=)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/users", CreateAsync)
            .WithSummary("Administrators: create an account {userName, displayName, email, memberships: [{officeCode, role, endsOn?}], position?, entraUpn?} → 201 {id, setPasswordUrl}")
            .Accepts<NewUserDto>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapGet("/users/{id}", GetAsync).WithSummary("Administrators: one account, its memberships and its ETag").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPut("/users/{id}", UpdateAsync)
            .WithSummary("Administrators: change {displayName, email, position, entraUpn, mustChangePassword}; If-Match required")
            .Accepts<UserEditDto>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        admin.MapPost("/users/{id}/disable", DisableAsync).WithSummary("Administrators: disable an account {reason?}; it is refused at its next request").Accepts<DisableDto>("application/json");
        admin.MapPost("/users/{id}/enable", EnableAsync).WithSummary("Administrators: enable a disabled account");
        admin.MapPost("/users/{id}/memberships", AddMembershipAsync)
            .WithSummary("Administrators: give a membership {officeCode, role, endsOn?}")
            .Accepts<MembershipGrantDto>("application/json");
        admin.MapDelete("/memberships/{id:int}", EndMembershipAsync)
            .WithSummary("Administrators: end a membership now, or at the end of ?endsOn=yyyy-MM-dd (Bangkok date); the row stays for the history");
        admin.MapPost("/users/{id}/set-password-link", LinkAsync)
            .WithSummary("Administrators (Local mode): a new one-time set-password link {url, expiresAt}; e-mailed instead (url null) when SMTP is configured");
        admin.MapGet("/offices", OfficesAsync).WithSummary("Administrators: offices where the caller may give memberships (?q= code or name)");

        admin.MapPost("/user-imports", ImportAsync)
            .WithSummary("Administrators: accounts from .xlsx or .csv (header user_name,display_name,email,office_code,role; raw body, name in X-File-Name); ?apply=false (default) is a dry run, ?apply=true writes all or nothing")
            .Produces<UserImportReportDto>().ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        admin.MapPost("/user-imports/report.xlsx", ImportReportAsync)
            .WithSummary("Administrators: the dry-run report of the same upload as an Excel workbook")
            .Produces(StatusCodes.Status200OK, contentType: ExportFile.ContentType);
        admin.MapGet("/user-imports/template.xlsx", Template).WithSummary("The account list template (header row and an example)")
            .Produces(StatusCodes.Status200OK, contentType: ExportFile.ContentType);

        admin.MapGet("/audit", AuditAsync)
            .WithSummary("Administrators: administrative changes, newest first (?from=&to= Bangkok dates yyyy-MM-dd inclusive, ?userName= actor or account, ?action=, ?page=)");
        admin.MapGet("/audit.xlsx", AuditExcelAsync)
            .WithSummary("Administrators: the same filtered changes as an Excel workbook")
            .Produces(StatusCodes.Status200OK, contentType: ExportFile.ContentType);
    }

    private static async Task<Ok<UserPageDto>> ListAsync(string? officeCode, string? q, string? page, ClaimsPrincipal user, AccountAdminService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ListAsync(user, new AccountQuery(officeCode, q, ApiBody.Int(page, nameof(page)) ?? 1), cancellationToken);
        return TypedResults.Ok(new UserPageDto(result.Items.Select(UserDto.From).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<Created<UserCreatedDto>> CreateAsync(
        ClaimsPrincipal user, AccountAdminService accounts, HttpRequest request, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<NewUserDto>(request, json.Value.SerializerOptions) ?? throw new ApiBadRequestException(ApiMessages.InvalidBody);
        var created = await accounts.CreateAsync(user, new NewAccount(body.UserName ?? "", body.DisplayName ?? "", body.Email,
            (body.Memberships ?? []).Select(Grant).ToList(), body.Position, body.EntraUpn), cancellationToken);
        return TypedResults.Created($"{ApiExtensions.Prefix}/admin/users/{created.Id}", new UserCreatedDto(created.Id, created.UserName, created.Link?.Url,
            created.Link is { } l ? ApiTime.Bangkok(l.ExpiresUtc) : null, created.Link?.EmailedTo, created.Link?.EmailFailed ?? false));
    }

    private static Task<Ok<UserDetailDto>> GetAsync(string id, ClaimsPrincipal user, AccountAdminService accounts, HttpResponse response, CancellationToken cancellationToken) =>
        Answer(response, accounts.GetAsync(user, id, cancellationToken));

    private static async Task<Ok<UserDetailDto>> UpdateAsync(
        string id, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, AccountAdminService accounts, HttpRequest request, HttpResponse response,
        IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var token = ETags.RequireIfMatch(ifMatch);
        var body = await ApiBody.ReadAsync<UserEditDto>(request, json.Value.SerializerOptions) ?? throw new ApiBadRequestException(ApiMessages.InvalidBody);
        return await Answer(response, accounts.UpdateAsync(user, id, token, new AccountEdit(body.DisplayName ?? "", body.Email, body.Position, body.EntraUpn, body.MustChangePassword),
            cancellationToken));
    }

    private static async Task<Ok<UserDetailDto>> DisableAsync(
        string id, ClaimsPrincipal user, AccountAdminService accounts, HttpRequest request, HttpResponse response, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<DisableDto>(request, json.Value.SerializerOptions);
        return await Answer(response, accounts.DisableAsync(user, id, body?.Reason, cancellationToken));
    }

    private static Task<Ok<UserDetailDto>> EnableAsync(string id, ClaimsPrincipal user, AccountAdminService accounts, HttpResponse response, CancellationToken cancellationToken) =>
        Answer(response, accounts.EnableAsync(user, id, cancellationToken));

    private static async Task<Created<UserDetailDto>> AddMembershipAsync(
        string id, ClaimsPrincipal user, AccountAdminService accounts, HttpRequest request, HttpResponse response, IOptions<HttpJsonOptions> json, CancellationToken cancellationToken)
    {
        var body = await ApiBody.ReadAsync<MembershipGrantDto>(request, json.Value.SerializerOptions) ?? throw new ApiBadRequestException(ApiMessages.InvalidBody);
        var detail = await accounts.AddMembershipAsync(user, id, Grant(body), cancellationToken);
        response.Headers.ETag = ETags.Format(detail.ConcurrencyToken);
        return TypedResults.Created($"{ApiExtensions.Prefix}/admin/users/{id}", UserDetailDto.From(detail));
    }

    private static Task<Ok<UserDetailDto>> EndMembershipAsync(
        int id, string? endsOn, ClaimsPrincipal user, AccountAdminService accounts, HttpResponse response, CancellationToken cancellationToken) =>
        Answer(response, accounts.EndMembershipAsync(user, id, Date(endsOn, nameof(endsOn)), cancellationToken));

    private static async Task<Ok<PasswordLinkDto>> LinkAsync(string id, ClaimsPrincipal user, AccountAdminService accounts, HttpResponse response, CancellationToken cancellationToken)
    {
        var link = await accounts.IssueSetPasswordLinkAsync(user, id, cancellationToken);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new PasswordLinkDto(link.Url, ApiTime.Bangkok(link.ExpiresUtc), link.EmailedTo, link.EmailFailed));
    }

    private static async Task<Ok<List<OfficeDto>>> OfficesAsync(string? q, ClaimsPrincipal user, AccountAdminService accounts, CancellationToken cancellationToken)
    {
        var offices = await accounts.FindOfficesAsync(user, q, 50, cancellationToken);
        return TypedResults.Ok(offices.Select(o => new OfficeDto(o.Id, o.Code, o.NameTh, o.NameEn, o.Kind)).ToList());
    }

    private static async Task<Ok<UserImportReportDto>> ImportAsync(
        string? apply, ClaimsPrincipal user, UserImportService imports, HttpContext http, HttpResponse response, CancellationToken cancellationToken)
    {
        using var file = await ReadUploadAsync(http, cancellationToken);
        var report = IsTrue(apply, nameof(apply))
            ? await imports.ApplyAsync(user, file, FileTransfer.FileName(http.Request), cancellationToken)
            : await imports.DryRunAsync(user, file, cancellationToken);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(UserImportReportDto.From(report));
    }

    private static async Task<IResult> ImportReportAsync(ClaimsPrincipal user, UserImportService imports, StorageOptions storage, HttpContext http, CancellationToken cancellationToken)
    {
        using var file = await ReadUploadAsync(http, cancellationToken);
        var report = await imports.DryRunAsync(user, file, cancellationToken);
        return await SpoolAsync(storage, http.Response, "รายงานตรวจสอบนำเข้าบัญชี.xlsx", "user-import-report.xlsx", spool => imports.WriteReportAsync(report, spool, cancellationToken));
    }

    private static Task<IResult> Template(StorageOptions storage, HttpResponse response) =>
        SpoolAsync(storage, response, "แบบฟอร์มนำเข้าบัญชีผู้ใช้.xlsx", "user-import-template.xlsx", spool =>
        {
            UserImportService.WriteTemplate(spool);
            return Task.CompletedTask;
        });

    private static async Task<Ok<AdminEventPageDto>> AuditAsync(
        string? from, string? to, string? userName, string? action, string? page, ClaimsPrincipal user, AdminAuditService audit, CancellationToken cancellationToken)
    {
        var result = await audit.ListAsync(user, AuditQuery(from, to, userName, action, page), cancellationToken);
        return TypedResults.Ok(new AdminEventPageDto(result.Items.Select(e => new AdminEventDto(
            e.Id, ApiTime.Bangkok(e.OccurredUtc), e.ActorUserName, e.Action, AdminAuditService.ActionText(e.Action).Th, e.TargetUserName, e.OfficeCode,
            Dictionary(e.Before), Dictionary(e.After), e.Note)).ToList(), result.Total, result.Page, result.PageSize));
    }

    private static async Task<IResult> AuditExcelAsync(
        string? from, string? to, string? userName, string? action, ClaimsPrincipal user, AdminAuditService audit, StorageOptions storage, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var query = AuditQuery(from, to, userName, action, null);
        var spool = ExportSpool.Create(storage.DataDirectory);
        try
        {
            var file = await audit.WriteExcelAsync(user, query, spool, cancellationToken);
            spool.Position = 0;
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = file.AsciiFileName, FileNameStar = file.FileName }.ToString();
            response.Headers.CacheControl = "no-store";
            return TypedResults.Stream(spool, ExportFile.ContentType);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static AdminAuditQuery AuditQuery(string? from, string? to, string? userName, string? action, string? page) =>
        new(Date(from, nameof(from)), Date(to, nameof(to)), userName, action, ApiBody.Int(page, nameof(page)) ?? 1);

    private static Dictionary<string, string> Dictionary(IReadOnlyList<KeyValuePair<string, string>> pairs) =>
        pairs.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    private static MembershipGrant Grant(MembershipGrantDto dto) => new(dto.OfficeCode ?? "", dto.Role ?? "", dto.EndsOn);

    private static DateOnly? Date(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new ApiBadRequestException(ApiMessages.InvalidQuery(name));

    private static bool IsTrue(string? value, string name) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw new ApiBadRequestException(ApiMessages.InvalidQuery(name)),
    };

    /// <summary>The raw body, at most <see cref="MaxImportBytes"/> (a 413 with a Thai message beyond).</summary>
    private static async Task<MemoryStream> ReadUploadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        FileTransfer.AllowBody(http, MaxImportBytes);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxImportBytes)
            {
                await buffer.DisposeAsync();
                throw new AttachmentTooLargeException(new PortalMessage("import-too-large",
                    "ไฟล์ใหญ่เกิน 10 MB กรุณาแบ่งเป็นหลายไฟล์", "The file is larger than 10 MB; split it into several files."));
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static async Task<IResult> SpoolAsync(StorageOptions storage, HttpResponse response, string thaiName, string asciiName, Func<Stream, Task> write)
    {
        var spool = ExportSpool.Create(storage.DataDirectory);
        try
        {
            await write(spool);
            spool.Position = 0;
            response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = asciiName, FileNameStar = thaiName }.ToString();
            response.Headers.CacheControl = "no-store";
            return TypedResults.Stream(spool, ExportFile.ContentType);
        }
        catch
        {
            await spool.DisposeAsync();
            throw;
        }
    }

    private static async Task<Ok<UserDetailDto>> Answer(HttpResponse response, Task<AccountDetail> work)
    {
        var detail = await work;
        response.Headers.ETag = ETags.Format(detail.ConcurrencyToken);
        return TypedResults.Ok(UserDetailDto.From(detail));
    }
}
