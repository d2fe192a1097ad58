using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.HttpResults;
using SmartCity.Portal.Common;
using SmartCity.Portal.Submissions.Workflow;

namespace SmartCity.Portal.Web.Api;

/// <summary>Messages only the HTTP surface needs; the domain's own come from Core.</summary>
public static class ApiMessages
{
    public static readonly PortalMessage BadCredentials = new("bad-credentials",
        "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "The user name or password is incorrect.");

    public static readonly PortalMessage LockedOut = new("locked-out",
        "บัญชีนี้ถูกระงับชั่วคราวเนื่องจากใส่รหัสผ่านผิดหลายครั้ง กรุณาลองใหม่ภายหลัง", "This account is temporarily locked after repeated failed sign-ins. Please try again later.");

    public static readonly PortalMessage Unauthenticated = new("unauthenticated",
        "กรุณาเข้าสู่ระบบก่อนใช้งาน", "Authentication is required.");

    public static readonly PortalMessage Forbidden = new("forbidden",
        "ท่านไม่มีสิทธิ์ใช้งานส่วนนี้", "You may not use this resource.");

    public static readonly PortalMessage IfMatchRequired = new("if-match-required",
        "ต้องระบุ If-Match (ETag ของรายงานที่อ่านล่าสุด) เพื่อป้องกันการบันทึกทับ", "An If-Match header with the ETag last read is required, so that nothing is overwritten.");

    public static readonly PortalMessage UnknownAction = new("unknown-action",
        "ไม่มีการดำเนินการนี้", "There is no such action.");

    public static readonly PortalMessage NoSuchEndpoint = new("no-such-endpoint",
        "ไม่มีบริการนี้ใน API", "There is no such API endpoint.");

    public static readonly PortalMessage InvalidBody = new("invalid-body",
        "ข้อมูลที่ส่งมาไม่อยู่ในรูปแบบ JSON ที่ถูกต้อง", "The request body is not valid JSON of the expected shape.");

    public static PortalMessage InvalidQuery(string name) => new("invalid-query",
        $"ค่าพารามิเตอร์ {name} ไม่ถูกต้อง", $"The query parameter '{name}' is not valid.");

    public static readonly PortalMessage Unexpected = new("unexpected",
        "เกิดข้อผิดพลาดภายในระบบ กรุณาลองใหม่อีกครั้ง", "Something went wrong on the server. Please try again.");
}

/// <summary>One refused item of a batch in a 422 problem: which one, and why (Thai and English).</summary>
public sealed record ProblemItemDto(int Id, string Name, string? NameEn, string Code, string Title, string TitleEn);

/// <summary>One refused answer in a 422 problem: the field path, a stable code, and the message in Thai and English.</summary>
public sealed record ProblemFieldErrorDto(string Path, string Code, string Title, string TitleEn);

/// <summary>The request itself is malformed (HTTP 400).</summary>
public sealed class ApiBadRequestException(PortalMessage message) : PortalException(message);

/// <summary>A write came without If-Match (HTTP 428).</summary>
public sealed class ApiPreconditionRequiredException(PortalMessage message) : PortalException(message);

/// <summary>Bad credentials or a locked account at the token endpoint (HTTP 401).</summary>
public sealed class ApiUnauthorizedException(PortalMessage message) : PortalException(message);

/// <summary>RFC 7807 problem details: <c>title</c> in Thai, <c>titleEn</c> in English, <c>code</c> stable for programs.</summary>
public static class ApiProblems
{
    public static int StatusOf(PortalException exception) => exception switch
    {
        PortalNotFoundException => StatusCodes.Status404NotFound,
        PortalAccessDeniedException => StatusCodes.Status403Forbidden,
        PortalConflictException => StatusCodes.Status409Conflict,
        PortalStaleException => StatusCodes.Status412PreconditionFailed,
        PortalValidationException or PortalBatchValidationException or Forms.FormAnswersInvalidException or Accounts.UserImportRefusedException
            => StatusCodes.Status422UnprocessableEntity,
        ApiBadRequestException => StatusCodes.Status400BadRequest,
        ApiPreconditionRequiredException => StatusCodes.Status428PreconditionRequired,
        ApiUnauthorizedException => StatusCodes.Status401Unauthorized,
        Reports.ExportBusyException => StatusCodes.Status503ServiceUnavailable,
        Attachments.AttachmentTooLargeException => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemHttpResult For(PortalException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            PortalBatchValidationException batch => Create(StatusOf(exception), exception.PortalMessage, batch.Items),
            Forms.FormAnswersInvalidException answers => Create(StatusOf(exception), exception.PortalMessage, null, answers.Errors),
            Accounts.UserImportRefusedException import => ImportRefused(import),
            _ => Create(StatusOf(exception), exception.PortalMessage),
        };
    }

    public static ProblemHttpResult Create(int status, PortalMessage message) => Create(status, message, null);

    /// <summary>An import apply refused because of some rows: 422 carrying the whole report, as the dry run gives it.</summary>
    private static ProblemHttpResult ImportRefused(Accounts.UserImportRefusedException e)
    {
        var report = UserImportReportDto.From(e.Report);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["titleEn"] = e.PortalMessage.En,
            ["code"] = e.PortalMessage.Code,
            ["added"] = report.Added,
            ["changed"] = report.Changed,
            ["unchanged"] = report.Unchanged,
            ["refused"] = report.Refused,
            ["rows"] = report.Rows,
        };
        return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: e.PortalMessage.Th, extensions: extensions);
    }

    /// <summary>With <paramref name="items"/>, the problem lists each refused item of an all-or-nothing batch and its own reason.</summary>
    public static ProblemHttpResult Create(int status, PortalMessage message, IReadOnlyList<PortalItemProblem>? items) => Create(status, message, items, null);

    /// <summary>
    /// With <paramref name="fieldErrors"/>, the problem lists each refused answer by its field path
    /// (<c>projects.items[1].title</c>), so that a client can put the message beside its own input.
    /// </summary>
    public static ProblemHttpResult Create(int status, PortalMessage message, IReadOnlyList<PortalItemProblem>? items, IReadOnlyList<Forms.FormFieldError>? fieldErrors)
    {
        ArgumentNullException.ThrowIfNull(message);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["titleEn"] = message.En, ["code"] = message.Code };
        if (items is not null)
        {
            extensions["items"] = items.Select(i => new ProblemItemDto(i.Id, i.NameTh, i.NameEn, i.Reason.Code, i.Reason.Th, i.Reason.En)).ToList();
        }

        if (fieldErrors is not null)
        {
            extensions["errors"] = fieldErrors.Select(e => new ProblemFieldErrorDto(e.Path, e.Code, e.Message.Th, e.Message.En)).ToList();
        }

        return TypedResults.Problem(statusCode: status, title: message.Th, extensions: extensions);
    }
}

/// <summary>
/// The one place where the domain's refusals become HTTP answers, for every API endpoint. Anything
/// unexpected is logged and answered with a bare 500 problem: never a stack trace.
/// </summary>
internal sealed partial class PortalProblemFilter(ILogger<PortalProblemFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (PortalException e)
        {
            return ApiProblems.For(e);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The API's last line: log it, answer without internals.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogUnexpected(logger, e, context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            return ApiProblems.Create(StatusCodes.Status500InternalServerError, ApiMessages.Unexpected);
        }
    }

    [LoggerMessage(LogLevel.Error, "API request {Method} {Path} failed")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}

/// <summary>Marks the API's endpoints, so that a refused request is answered in JSON, never redirected to the login page.</summary>
public sealed class PortalApiEndpointMetadata;

/// <summary>
/// An API call without (valid) credentials gets 401 problem details with <c>WWW-Authenticate: Bearer</c>;
/// one that is authenticated but refused gets 403. Pages keep the cookie scheme's redirects.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        // A disabled account's cookie or token still authenticates, but the claims transformation leaves it
        // without an authenticated identity: that is "signed out" (401, or the sign-in page), not "forbidden".
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true)
        {
            authorizeResult = PolicyAuthorizationResult.Challenge();
        }

        if (authorizeResult.Succeeded || context.GetEndpoint()?.Metadata.GetMetadata<PortalApiEndpointMetadata>() is null)
        {
            await fallback.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ApiProblems.Create(StatusCodes.Status401Unauthorized, ApiMessages.Unauthenticated).ExecuteAsync(context);
            return;
        }

        await ApiProblems.Create(StatusCodes.Status403Forbidden, ApiMessages.Forbidden).ExecuteAsync(context);
    }
}

/// <summary>The submission's concurrency token as an HTTP entity tag.</summary>
public static class ETags
{
    public static string Format(Guid concurrencyToken) => $"\"{concurrencyToken:D}\"";

    /// <summary>The token the caller last read; missing → 428, one that cannot be ours → 412 (it matches nothing current).</summary>
    public static Guid RequireIfMatch(string? ifMatch)
    {
        var value = ifMatch?.Split(',')[0].Trim();
        if (string.IsNullOrEmpty(value) || value == "*")
        {
            throw new ApiPreconditionRequiredException(ApiMessages.IfMatchRequired);
        }

        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return Guid.TryParse(value.Trim('"'), out var token) ? token : throw new PortalStaleException(WorkflowMessages.Stale);
    }
}
