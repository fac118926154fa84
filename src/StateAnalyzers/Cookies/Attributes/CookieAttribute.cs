using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Cookies.Attributes;

/// <summary>
/// One attribute of one cookie as far as the analyzed code shows it: a known value with where it came from,
/// or unknown (computed at run time, set conditionally, or from options the method cannot see).
/// </summary>
internal readonly struct CookieAttribute<T>
    where T : struct
{
    private CookieAttribute(T? value, AttributeOrigin origin, IOperation? anchor)
    {
        Value = value;
        Origin = origin;
        Anchor = anchor;
    }

    public static CookieAttribute<T> Unknown => default;

    /// <summary>Null when unknown.</summary>
    public T? Value { get; }

    public bool IsKnown => Value.HasValue;

    public AttributeOrigin Origin { get; }

    /// <summary>
    /// The operation a fix edits: the object creation (defaults, initializer), the assignment, the configuring
    /// invocation (API defaults of builders), or the string (raw headers).
    /// </summary>
    public IOperation? Anchor { get; }

    /// <summary>True when the code states the value instead of inheriting a default.</summary>
    public bool IsExplicit => Origin is AttributeOrigin.Initializer or AttributeOrigin.Assignment or AttributeOrigin.RawHeader;

    public static CookieAttribute<T> Known(T value, AttributeOrigin origin, IOperation? anchor) =>
        new CookieAttribute<T>(value, origin, anchor);

    public bool Is(T value) => Value.HasValue && Value.Value.Equals(value);
}
