using System;

namespace StateAnalyzers.Cookies.Attributes;

/// <summary>A text attribute (Path, Domain) as the code states it: not set, or a constant.</summary>
internal readonly struct CookieText : IEquatable<CookieText>
{
    private CookieText(string? text)
    {
        Text = text;
    }

    public static CookieText NotSet => default;

    /// <summary>Null when not set.</summary>
    public string? Text { get; }

    public bool IsSet => Text is not null;

    public static CookieText Of(string? text) => new CookieText(text);

    public bool Equals(CookieText other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CookieText other && Equals(other);

    public override int GetHashCode() => Text is null ? 0 : StringComparer.Ordinal.GetHashCode(Text);
}
