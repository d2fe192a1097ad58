using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SmartCity.Portal.Accounts;

/// <summary>
/// "Forgot password" requests wait here and are handled by <see cref="PasswordResetWorker"/>: the request
/// itself only enqueues, so the answer is the same, in the same time, whether or not the account exists
/// (looking it up, writing the link and talking to the SMTP server happen afterwards). Bounded: a flood
/// of requests is dropped rather than queued without end.
/// </summary>
public sealed class PasswordResetRequests
{
    private readonly Channel<string> channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Enqueue(string? userNameOrEmail)
    {
        if (!string.IsNullOrWhiteSpace(userNameOrEmail))
        {
            channel.Writer.TryWrite(userNameOrEmail.Trim());
        }
    }

    internal ChannelReader<string> Reader => channel.Reader;
}

public sealed partial class PasswordResetWorker(PasswordResetRequests queue, IServiceProvider services, ILogger<PasswordResetWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var request in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await services.GetRequiredService<PasswordLinkService>().ProcessResetRequestAsync(request, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "A forgot-password request could not be handled (database or SMTP server)")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
