using System.Globalization;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>What the audit needs from one <c>Set-Cookie</c> header value, read without allocating.</summary>
internal readonly ref struct SetCookieHeader
{
    private SetCookieHeader(ReadOnlySpan<char> name, ReadOnlySpan<char> value, bool httpOnly, bool secure, SameSiteValue sameSite, bool isDeletion)
    {
        Name = name;
        Value = value;
        HttpOnly = httpOnly;
        Secure = secure;
        SameSite = sameSite;
        IsDeletion = isDeletion;
    }

    public ReadOnlySpan<char> Name { get; }

    /// <summary>The value as sent (URL-encoded when written through <c>Response.Cookies</c>), without surrounding quotes.</summary>
    public ReadOnlySpan<char> Value { get; }

    public bool HttpOnly { get; }

    public bool Secure { get; }

    public SameSiteValue SameSite { get; }

    /// <summary>An expired cookie (<c>Max-Age</c> of zero or less, or <c>Expires</c> in the past): a delete, never a finding.</summary>
    public bool IsDeletion { get; }

    public static bool TryParse(ReadOnlySpan<char> header, DateTimeOffset now, out SetCookieHeader result)
    {
        result = default;
        var semicolon = header.IndexOf(';');
        var pair = semicolon < 0 ? header : header[..semicolon];
        var attributes = semicolon < 0 ? ReadOnlySpan<char>.Empty : header[(semicolon + 1)..];
        var equals = pair.IndexOf('=');
        if (equals < 0)
        {
            return false;
        }

        var name = pair[..equals].Trim();
        var value = pair[(equals + 1)..].Trim();
        if (name.IsEmpty)
        {
            return false;
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        var httpOnly = false;
        var secure = false;
        var sameSite = SameSiteValue.Unspecified;
        bool? maxAgeDeletes = null;
        var expiresDeletes = false;
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
                if (long.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var maxAge))
                {
                    maxAgeDeletes = maxAge <= 0;
                }
            }
            else if (key.Equals("expires", StringComparison.OrdinalIgnoreCase))
            {
                if (DateTimeOffset.TryParse(argument, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires) &&
                    expires < now)
                {
                    expiresDeletes = true;
                }
            }
        }

        // Max-Age takes precedence over Expires (RFC 6265 section 5.3).
        result = new SetCookieHeader(name, value, httpOnly, secure, sameSite, maxAgeDeletes ?? expiresDeletes);
        return true;
    }
}

internal enum SameSiteValue
{
    Unspecified,
    None,
    Lax,
    Strict,
}
