using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// Reads a Set-Cookie value written by hand: a constant, an interpolated string, or a concatenation. Attribute
/// names are case-insensitive. A run-time piece after the first ';' could hold any attribute, so attributes that
/// the constant text does not show are then unknown rather than missing.
/// </summary>
internal static class RawSetCookieParser
{
    public static (string? Name, CookieAttributes Attributes) Parse(IOperation value)
    {
        var pieces = new List<string?>();
        if (!Flatten(OperationFlow.SkipConversions(value), pieces))
        {
            return (null, CookieAttributes.Unknown);
        }

        var text = new StringBuilder();
        var holeInAttributes = false;
        var seenSeparator = false;
        foreach (var piece in pieces)
        {
            if (piece is null)
            {
                holeInAttributes |= seenSeparator;
                text.Append('\0');
            }
            else
            {
                seenSeparator |= piece.IndexOf(';') >= 0;
                text.Append(piece);
            }
        }

        var parts = text.ToString().Split(';');
        var first = parts[0];
        var equals = first.IndexOf('=');
        string? name = equals > 0 && first.IndexOf('\0', 0, equals) < 0 ? first.Substring(0, equals).Trim() : null;

        bool? httpOnly = null;
        SecureLevel? secure = null;
        SameSiteLevel? sameSite = null;
        CookieExpiry? expires = null;
        CookieExpiry? maxAge = null;
        string? path = null;
        string? domain = null;
        for (var i = 1; i < parts.Length; i++)
        {
            var attribute = parts[i].Trim();
            var split = attribute.IndexOf('=');
            var key = (split < 0 ? attribute : attribute.Substring(0, split)).Trim();
            var argument = split < 0 ? string.Empty : attribute.Substring(split + 1).Trim();
            if (key.Equals("HttpOnly", StringComparison.OrdinalIgnoreCase))
            {
                httpOnly = true;
            }
            else if (key.Equals("Secure", StringComparison.OrdinalIgnoreCase))
            {
                secure = SecureLevel.Always;
            }
            else if (key.Equals("SameSite", StringComparison.OrdinalIgnoreCase))
            {
                sameSite = ParseSameSite(argument);
            }
            else if (key.Equals("Expires", StringComparison.OrdinalIgnoreCase))
            {
                // As a browser reads it (RFC 6265 5.1.1): a date it cannot read, such as 1/1/2000, sets nothing.
                expires = CookieDate.TryParse(argument.AsSpan(), out var at) ? CookieExpiry.Fixed(at) : null;
            }
            else if (key.Equals("Max-Age", StringComparison.OrdinalIgnoreCase))
            {
                maxAge = long.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && Math.Abs(seconds) < 1L << 40
                    ? CookieExpiry.After(TimeSpan.FromSeconds(seconds))
                    : null;
            }
            else if (key.Equals("Path", StringComparison.OrdinalIgnoreCase) && argument.IndexOf('\0') < 0)
            {
                path = argument;
            }
            else if (key.Equals("Domain", StringComparison.OrdinalIgnoreCase) && argument.IndexOf('\0') < 0)
            {
                domain = argument;
            }
        }

        var anchor = value;
        return (name, new CookieAttributes(
            httpOnly.HasValue ? CookieAttribute<bool>.Known(true, AttributeOrigin.RawHeader, anchor) : Missing(holeInAttributes, false, anchor),
            secure.HasValue ? CookieAttribute<SecureLevel>.Known(secure.Value, AttributeOrigin.RawHeader, anchor) : Missing(holeInAttributes, SecureLevel.Never, anchor),
            sameSite.HasValue ? CookieAttribute<SameSiteLevel>.Known(sameSite.Value, AttributeOrigin.RawHeader, anchor) : Missing(holeInAttributes, SameSiteLevel.Unspecified, anchor),
            expires.HasValue ? CookieAttribute<CookieExpiry>.Known(expires.Value, AttributeOrigin.RawHeader, anchor) : Missing(holeInAttributes, CookieExpiry.NotSet, anchor),
            maxAge.HasValue ? CookieAttribute<CookieExpiry>.Known(maxAge.Value, AttributeOrigin.RawHeader, anchor) : Missing(holeInAttributes, CookieExpiry.NotSet, anchor),
            path is not null ? CookieAttribute<CookieText>.Known(CookieText.Of(path), AttributeOrigin.RawHeader, anchor) : Missing(holeInAttributes, CookieText.NotSet, anchor),
            domain is not null ? CookieAttribute<CookieText>.Known(CookieText.Of(domain), AttributeOrigin.RawHeader, anchor) : Missing(holeInAttributes, CookieText.NotSet, anchor)));
    }

    private static CookieAttribute<T> Missing<T>(bool unknown, T absent, IOperation anchor)
        where T : struct =>
        unknown ? CookieAttribute<T>.Unknown : CookieAttribute<T>.Known(absent, AttributeOrigin.RawHeader, anchor);

    private static SameSiteLevel? ParseSameSite(string argument)
    {
        if (argument.Equals("Strict", StringComparison.OrdinalIgnoreCase))
        {
            return SameSiteLevel.Strict;
        }

        if (argument.Equals("Lax", StringComparison.OrdinalIgnoreCase))
        {
            return SameSiteLevel.Lax;
        }

        if (argument.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            return SameSiteLevel.None;
        }

        // A value browsers do not know (or a run-time one) is no policy they enforce.
        return argument.IndexOf('\0') >= 0 ? null : SameSiteLevel.Unspecified;
    }

    /// <summary>Constant pieces as text, run-time pieces as null. False when the value is not a string we can read.</summary>
    private static bool Flatten(IOperation operation, List<string?> pieces)
    {
        if (operation.ConstantValue.HasValue)
        {
            if (operation.ConstantValue.Value is not string constant)
            {
                return false;
            }

            pieces.Add(constant);
            return true;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    pieces.Add(part is IInterpolatedStringTextOperation text ? text.Text.ConstantValue.Value as string ?? string.Empty : null);
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                return Flatten(OperationFlow.SkipConversions(binary.LeftOperand), pieces) && Flatten(OperationFlow.SkipConversions(binary.RightOperand), pieces);
            default:
                if (pieces.Count == 0)
                {
                    // A value that is entirely computed at run time: nothing to read.
                    return false;
                }

                pieces.Add(null);
                return true;
        }
    }
}
