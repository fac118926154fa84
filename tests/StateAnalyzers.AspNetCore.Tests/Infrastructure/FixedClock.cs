namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>A clock that stands still on a whole second, registered as the app's <see cref="TimeProvider"/>: the
/// authentication handler and the companion then read the same now, so a lifetime can be exactly the maximum.</summary>
internal sealed class FixedClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
