using System;

namespace StateAnalyzers.Cookies.Attributes;

/// <summary>
/// When a cookie expires as the code states it: not set (a session cookie), at a fixed instant
/// (<c>Expires = new DateTime(2000, 1, 1)</c>), or some time from the moment of the write (<c>DateTimeOffset.UtcNow.AddDays(-1)</c>,
/// <c>MaxAge = TimeSpan.Zero</c>). A time already past makes the write a delete.
/// </summary>
internal readonly struct CookieExpiry : IEquatable<CookieExpiry>
{
    private CookieExpiry(bool isSet, DateTimeOffset? at, TimeSpan fromNow)
    {
        IsSet = isSet;
        At = at;
        FromNow = fromNow;
    }

    public static CookieExpiry NotSet => default;

    public bool IsSet { get; }

    /// <summary>The fixed instant, or null when the time is relative to the write.</summary>
    public DateTimeOffset? At { get; }

    /// <summary>For a relative time: how far after the write.</summary>
    public TimeSpan FromNow { get; }

    public static CookieExpiry Fixed(DateTimeOffset at) => new CookieExpiry(true, at, TimeSpan.Zero);

    public static CookieExpiry After(TimeSpan fromNow) => new CookieExpiry(true, null, fromNow);

    /// <summary>How long after <paramref name="now"/> the cookie lives; null when not set.</summary>
    public TimeSpan? Ahead(DateTimeOffset now) => !IsSet ? null : At is { } at ? at - now : FromNow;

    /// <summary>Already expired when the browser receives it: the write deletes the cookie.</summary>
    public bool IsPast(DateTimeOffset now) => Ahead(now) is { } ahead && ahead <= TimeSpan.Zero;

    public bool Equals(CookieExpiry other) => IsSet == other.IsSet && At == other.At && FromNow == other.FromNow;

    public override bool Equals(object? obj) => obj is CookieExpiry other && Equals(other);

    public override int GetHashCode() => (IsSet, At, FromNow).GetHashCode();
}
