using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>What the audit needs from one <c>Set-Cookie</c> header value, read without allocating.</summary>
internal readonly ref struct SetCookieHeader
{
    /// <summary>The whole seconds of <see cref="TimeSpan.MaxValue"/>: a longer Max-Age is the same for any judgement.</summary>
    private static readonly long MaxSeconds = (long)TimeSpan.MaxValue.TotalSeconds;

    private SetCookieHeader(
        ReadOnlySpan<char> name,
        ReadOnlySpan<char> value,
        bool httpOnly,
        bool secure,
        SameSiteValue sameSite,
        bool isDeletion,
        TimeSpan? lifetime,
        bool hasDomain,
        bool pathIsRoot,
        bool lifetimeFromMaxAge)
    {
        Name = name;
        Value = value;
        HttpOnly = httpOnly;
        Secure = secure;
        SameSite = sameSite;
        IsDeletion = isDeletion;
        Lifetime = lifetime;
        HasDomain = hasDomain;
        PathIsRoot = pathIsRoot;
        LifetimeFromMaxAge = lifetimeFromMaxAge;
    }

    /// <summary>The name; empty for a nameless cookie (<c>=value</c>, or a header without <c>=</c>), which browsers store too.</summary>
    public ReadOnlySpan<char> Name { get; }

    /// <summary>The value as sent (URL-encoded when written through <c>Response.Cookies</c>), without surrounding quotes.</summary>
    public ReadOnlySpan<char> Value { get; }

    public bool HttpOnly { get; }

    public bool Secure { get; }

    public SameSiteValue SameSite { get; }

    /// <summary>
    /// The browser expires the cookie at once: the last valid <c>Max-Age</c> is zero or less, or, without one, the last
    /// <c>Expires</c> that the cookie-date algorithm (RFC 6265 section 5.1.1) reads lies in the past. A delete, never a finding.
    /// </summary>
    public bool IsDeletion { get; }

    /// <summary>
    /// How long from now the browser keeps the cookie: the last valid <c>Max-Age</c> (saturated at
    /// <see cref="TimeSpan.MaxValue"/>), or, without one, the last readable <c>Expires</c> minus now. Null for a cookie
    /// that ends with the browser session (neither attribute counts) and for a delete.
    /// </summary>
    public TimeSpan? Lifetime { get; }

    public bool HasDomain { get; }

    /// <summary>The last <c>Path</c> attribute is <c>/</c>.</summary>
    public bool PathIsRoot { get; }

    /// <summary>A valid <c>Max-Age</c> decides the lifetime (the browser prefers it to <c>Expires</c>).</summary>
    public bool LifetimeFromMaxAge { get; }

    /// <summary>Reads one header as RFC 6265bis section 5.6 does; false when the browser ignores it (no name and no value).</summary>
    public static bool TryParse(ReadOnlySpan<char> header, DateTimeOffset now, out SetCookieHeader result)
    {
        result = default;
        var semicolon = header.IndexOf(';');
        var pair = semicolon < 0 ? header : header[..semicolon];
        var attributes = semicolon < 0 ? ReadOnlySpan<char>.Empty : header[(semicolon + 1)..];
        var equals = pair.IndexOf('=');
        var name = equals < 0 ? ReadOnlySpan<char>.Empty : pair[..equals].Trim();
        var value = (equals < 0 ? pair : pair[(equals + 1)..]).Trim();
        if (name.IsEmpty && value.IsEmpty)
        {
            return false;
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        var httpOnly = false;
        var secure = false;
        var hasDomain = false;
        var pathIsRoot = false;
        var sameSite = SameSiteValue.Unspecified;
        long? maxAge = null;
        DateTimeOffset? expires = null;
        while (!attributes.IsEmpty)
        {
            var end = attributes.IndexOf(';');
            var attribute = (end < 0 ? attributes : attributes[..end]).Trim();
            attributes = end < 0 ? ReadOnlySpan<char>.Empty : attributes[(end + 1)..];
            var attributeEquals = attribute.IndexOf('=');
            var key = (attributeEquals < 0 ? attribute : attribute[..attributeEquals]).Trim();
            var argument = attributeEquals < 0 ? ReadOnlySpan<char>.Empty : attribute[(attributeEquals + 1)..].Trim();
            if (key.Equals("httponly", StringComparison.OrdinalIgnoreCase))
            {
                httpOnly = true;
            }
            else if (key.Equals("secure", StringComparison.OrdinalIgnoreCase))
            {
                secure = true;
            }
            else if (key.Equals("samesite", StringComparison.OrdinalIgnoreCase))
            {
                // The last SameSite attribute wins, as in browsers; an unknown value counts as none.
                sameSite = argument.Equals("lax", StringComparison.OrdinalIgnoreCase) ? SameSiteValue.Lax
                    : argument.Equals("strict", StringComparison.OrdinalIgnoreCase) ? SameSiteValue.Strict
                    : argument.Equals("none", StringComparison.OrdinalIgnoreCase) ? SameSiteValue.None
                    : SameSiteValue.Unspecified;
            }
            else if (key.Equals("max-age", StringComparison.OrdinalIgnoreCase))
            {
                if (MaxAgeSeconds(argument) is { } seconds)
                {
                    maxAge = seconds;
                }
            }
            else if (key.Equals("expires", StringComparison.OrdinalIgnoreCase))
            {
                // An Expires the cookie-date algorithm cannot read is ignored; the last one it reads counts.
                if (CookieDate.TryParse(argument, out var date))
                {
                    expires = date;
                }
            }
            else if (key.Equals("domain", StringComparison.OrdinalIgnoreCase))
            {
                hasDomain = !argument.IsEmpty;
            }
            else if (key.Equals("path", StringComparison.OrdinalIgnoreCase))
            {
                pathIsRoot = argument.Length == 1 && argument[0] == '/';
            }
        }

        // Max-Age takes precedence over Expires (RFC 6265 section 5.3).
        TimeSpan? lifetime = maxAge is { } age
            ? age > 0 ? (age >= MaxSeconds ? TimeSpan.MaxValue : TimeSpan.FromSeconds(age)) : null
            : expires is { } expiry && expiry > now ? expiry - now : null;
        var isDeletion = maxAge is { } last ? last <= 0 : expires is { } at && at <= now;
        result = new SetCookieHeader(name, value, httpOnly, secure, sameSite, isDeletion, lifetime, hasDomain, pathIsRoot, maxAge is not null);
        return true;
    }

    /// <summary>RFC 6265 section 5.2.2: a DIGIT or '-' first, then only DIGITs; zero or less (-1 for any negative)
    /// expires the cookie; a long run of digits is saturated. Null: the attribute is ignored.</summary>
    private static long? MaxAgeSeconds(ReadOnlySpan<char> argument)
    {
        if (argument.IsEmpty || !(char.IsAsciiDigit(argument[0]) || argument[0] == '-'))
        {
            return null;
        }

        var digits = argument[1..];
        if (digits.ContainsAnyExceptInRange('0', '9') || (argument[0] == '-' && digits.IsEmpty))
        {
            return null;
        }

        if (argument[0] == '-')
        {
            return -1;
        }

        long seconds = 0;
        foreach (var digit in argument)
        {
            seconds = Math.Min((seconds * 10) + (digit - '0'), MaxSeconds);
        }

        return seconds;
    }
}

internal enum SameSiteValue
{
    Unspecified,
    None,
    Lax,
    Strict,
}
