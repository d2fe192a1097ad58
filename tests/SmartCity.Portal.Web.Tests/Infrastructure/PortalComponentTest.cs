using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace SmartCity.Portal.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context set up like MudBlazor's own tests: loose JS interop, AddMudServices, and the
/// portal's Thai/English resources. xUnit v2 disposes test classes with Dispose(), which cannot
/// dispose MudBlazor's IAsyncDisposable-only services; IAsyncLifetime.DisposeAsync runs first
/// and disposes the context asynchronously, after which Dispose() has nothing left to do.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    protected PortalComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
