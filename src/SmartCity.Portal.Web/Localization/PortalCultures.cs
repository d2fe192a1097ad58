using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace SmartCity.Portal.Web.Localization;

/// <summary>
/// Thai first: th-TH unless the person chose English with the switch (a cookie). The browser's
/// Accept-Language is deliberately not consulted, so a shared office PC set to English still
/// opens in Thai.
/// </summary>
public static class PortalCultures
{
    public const string Thai = "th-TH";
    public const string English = "en-US";

    public static readonly string[] Supported = [Thai, English];

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    public static bool IsEnglish() => IsEnglish(CultureInfo.CurrentUICulture);

    /// <summary>
    /// The culture a date picker types and shows dates in: th-TH in Thai, whose calendar is the Buddhist
    /// one, so an officer types 26/11/2569 as on every letter (MudDatePicker parses, formats and draws its
    /// calendar in the culture's calendar); dd/MM/yyyy Gregorian with the English switch.
    /// </summary>
    public static CultureInfo DateInput() => IsEnglish(CultureInfo.CurrentUICulture) ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(Thai);

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Thai)
            .AddSupportedCultures(Supported)
            .AddSupportedUICultures(Supported);
        options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        return options;
    }

    public static IEndpointRouteBuilder MapCultureEndpoint(this IEndpointRouteBuilder app)
    {
        // A full page load after the switch: a Blazor circuit keeps the culture it started with.
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            return Results.LocalRedirect(Auth.AccountEndpoints.SafeReturnUrl(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
