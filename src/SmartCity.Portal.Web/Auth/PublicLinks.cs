using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SmartCity.Portal.Accounts;

namespace SmartCity.Portal.Web.Auth;

/// <summary>
/// Absolute set-password addresses: <c>Portal:PublicBaseUrl</c> when set (what officers type, behind any
/// proxy), otherwise the address the server listens on. Never the request's Host header: a forged one would
/// put an attacker's host into a reset e-mail.
/// </summary>
internal sealed class PublicLinks(IOptions<PortalOptions> options, IServiceProvider services) : IAccountLinks
{
    public const string SetPasswordPath = "/account/set-password";

    public string SetPasswordUrl(string token) => $"{BaseUrl()}{SetPasswordPath}?token={Uri.EscapeDataString(token)}";

    public string BaseUrl()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
        {
            return options.Value.PublicBaseUrl.Trim().TrimEnd('/');
        }

        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (string.IsNullOrEmpty(address))
        {
            return "http://localhost:5080";
        }

        // Kestrel reports wildcard bindings as written: http://+:8080, http://[::]:8080, http://0.0.0.0:8080.
        return address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
