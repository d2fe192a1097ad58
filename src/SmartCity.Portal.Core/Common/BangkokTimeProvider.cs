namespace SmartCity.Portal.Common;

/// <summary>
/// The portal's clock: the instants of <paramref name="inner"/> (the system clock, or a fake one in tests)
/// with Bangkok as the local time zone. Code that asks a <see cref="TimeProvider"/> for local time, such as
/// MudBlazor's date picker (its "today" circle is <c>GetLocalNow().Date</c>), then sees the Bangkok date and
/// not the server's: on a UTC host that was still the day before until 07:00.
/// </summary>
public sealed class BangkokTimeProvider(TimeProvider inner) : TimeProvider
{
    public TimeProvider Inner { get; } = inner ?? throw new ArgumentNullException(nameof(inner));

    public override TimeZoneInfo LocalTimeZone => ThaiTime.Bangkok;

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

    public override long TimestampFrequency => Inner.TimestampFrequency;

    public override long GetTimestamp() => Inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Inner.CreateTimer(callback, state, dueTime, period);
}
