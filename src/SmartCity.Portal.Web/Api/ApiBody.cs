using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SmartCity.Portal.Web.Api;

/// <summary>
/// Bodies and query values are read by hand, so that a malformed one is answered with problem
/// details by the one filter (model binding would answer before any filter runs).
/// </summary>
internal static class ApiBody
{
    public static async Task<string> ReadTextAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    /// <summary>The body as <typeparamref name="T"/>, or null when there is none.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options)
        where T : class
    {
        var text = await ReadTextAsync(request);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(text, options);
        }
        catch (JsonException)
        {
            throw new ApiBadRequestException(ApiMessages.InvalidBody);
        }
    }

    public static int? Int(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw new ApiBadRequestException(ApiMessages.InvalidQuery(name));

    /// <summary>An enum from its camelCase (or any-case) name; numbers are not names.</summary>
    public static TEnum? Enum<TEnum>(string? value, string name)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return !char.IsDigit(value.Trim()[0]) && System.Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            ? parsed
            : throw new ApiBadRequestException(ApiMessages.InvalidQuery(name));
    }
}
