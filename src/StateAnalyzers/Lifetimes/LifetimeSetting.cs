using System;
using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Lifetimes;

/// <summary>
/// One lifetime the code sets to a constant: the expression a finding is reported on and a fix replaces
/// (<c>TimeSpan.FromDays(365)</c>, <c>DateTimeOffset.UtcNow.AddDays(365)</c>), what it applies to, and its value.
/// </summary>
internal sealed class LifetimeSetting
{
    public LifetimeSetting(IOperation value, string property, LifetimeKind kind, TimeSpan lifetime, bool fromNow)
    {
        Value = value;
        Property = property;
        Kind = kind;
        Lifetime = lifetime;
        FromNow = fromNow;
    }

    /// <summary>The constant expression, as written; for <c>UtcNow + TimeSpan.FromDays(365)</c> the TimeSpan part.</summary>
    public IOperation Value { get; }

    /// <summary>The property set: <c>ExpireTimeSpan</c>, <c>Cookie.MaxAge</c>, <c>IdleTimeout</c>, <c>ExpiresUtc</c>.</summary>
    public string Property { get; }

    public LifetimeKind Kind { get; }

    /// <summary>How long the setting lets the cookie or sign-in live; <see cref="TimeSpan.MaxValue"/> for "forever".</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>The value is a point in time (<c>now.AddDays(n)</c>, <c>DateTimeOffset.MaxValue</c>), not a TimeSpan.</summary>
    public bool FromNow { get; }
}
