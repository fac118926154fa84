using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies.Attributes;

/// <summary>
/// Applies one property assignment on a <c>CookieOptions</c> or <c>CookieBuilder</c> (HttpOnly, Secure,
/// SecurePolicy, SameSite, Expires / Expiration, MaxAge, Path, Domain) to what is known of a cookie. A value that is
/// not a constant (a local holding one included) makes the attribute unknown.
/// </summary>
internal static class CookieAttributeReader
{
    public static bool IsCookieAttribute(IPropertySymbol property, WellKnownTypes types)
    {
        var owner = property.ContainingType?.OriginalDefinition;
        if (!SymbolEqualityComparer.Default.Equals(owner, types.CookieOptions)
            && !SymbolEqualityComparer.Default.Equals(owner, types.CookieBuilder))
        {
            return false;
        }

        return property.Name is "HttpOnly" or "Secure" or "SecurePolicy" or "SameSite" or "Expires" or "Expiration" or "MaxAge" or "Path" or "Domain";
    }

    public static CookieAttributes Apply(CookieAttributes attributes, IPropertySymbol property, IOperation value, AttributeOrigin origin, IOperation anchor, bool known)
    {
        var constant = known ? ConstantFolding.ValueOf(value) : default;
        switch (property.Name)
        {
            case "HttpOnly":
                return attributes.With(httpOnly: constant.HasValue && constant.Value is bool b
                    ? CookieAttribute<bool>.Known(b, origin, anchor)
                    : CookieAttribute<bool>.Unknown);
            case "Secure":
                return attributes.With(secure: constant.HasValue && constant.Value is bool secure
                    ? CookieAttribute<SecureLevel>.Known(secure ? SecureLevel.Always : SecureLevel.Never, origin, anchor)
                    : CookieAttribute<SecureLevel>.Unknown);
            case "SecurePolicy":
                return attributes.With(secure: constant.HasValue && constant.Value is int policy && ToSecureLevel(policy) is SecureLevel level
                    ? CookieAttribute<SecureLevel>.Known(level, origin, anchor)
                    : CookieAttribute<SecureLevel>.Unknown);
            case "SameSite":
                return attributes.With(sameSite: constant.HasValue && constant.Value is int mode && mode >= -1 && mode <= 2
                    ? CookieAttribute<SameSiteLevel>.Known((SameSiteLevel)mode, origin, anchor)
                    : CookieAttribute<SameSiteLevel>.Unknown);
            case "Expires" or "Expiration":
                var expires = known ? (property.Name == "Expires" ? CookieTimeReader.Expiry(value) : CookieTimeReader.Duration(value)) : null;
                return attributes.With(expires: expires is { } at ? CookieAttribute<CookieExpiry>.Known(at, origin, anchor) : CookieAttribute<CookieExpiry>.Unknown);
            case "MaxAge":
                var maxAge = known ? CookieTimeReader.Duration(value) : null;
                return attributes.With(maxAge: maxAge is { } age ? CookieAttribute<CookieExpiry>.Known(age, origin, anchor) : CookieAttribute<CookieExpiry>.Unknown);
            case "Path":
                return attributes.With(path: Text(constant, origin, anchor));
            case "Domain":
                return attributes.With(domain: Text(constant, origin, anchor));
            default:
                return attributes;
        }
    }

    private static CookieAttribute<CookieText> Text(Optional<object?> constant, AttributeOrigin origin, IOperation anchor) =>
        constant.HasValue && constant.Value is null or string
            ? CookieAttribute<CookieText>.Known(CookieText.Of(constant.Value as string), origin, anchor)
            : CookieAttribute<CookieText>.Unknown;

    /// <summary>Everything an unconditional write of the property would set, made unknown.</summary>
    public static CookieAttributes Forget(CookieAttributes attributes, IPropertySymbol property) => property.Name switch
    {
        "HttpOnly" => attributes.With(httpOnly: CookieAttribute<bool>.Unknown),
        "Secure" or "SecurePolicy" => attributes.With(secure: CookieAttribute<SecureLevel>.Unknown),
        "SameSite" => attributes.With(sameSite: CookieAttribute<SameSiteLevel>.Unknown),
        "Expires" or "Expiration" => attributes.With(expires: CookieAttribute<CookieExpiry>.Unknown),
        "MaxAge" => attributes.With(maxAge: CookieAttribute<CookieExpiry>.Unknown),
        "Path" => attributes.With(path: CookieAttribute<CookieText>.Unknown),
        "Domain" => attributes.With(domain: CookieAttribute<CookieText>.Unknown),
        _ => attributes,
    };

    /// <summary><c>CookieSecurePolicy</c>: SameAsRequest = 0, Always = 1, None = 2.</summary>
    public static SecureLevel? ToSecureLevel(int policy) => policy switch
    {
        0 => SecureLevel.SameAsRequest,
        1 => SecureLevel.Always,
        2 => SecureLevel.Never,
        _ => null,
    };

    /// <summary>The property assignment target of <c>x.Prop = value</c> when x is the given receiver.</summary>
    public static IPropertySymbol? AssignedProperty(ISimpleAssignmentOperation assignment, out IOperation? receiver)
    {
        receiver = null;
        if (assignment.Target is IPropertyReferenceOperation { Property: { IsIndexer: false } property } target)
        {
            receiver = target.Instance;
            return property;
        }

        return null;
    }
}
