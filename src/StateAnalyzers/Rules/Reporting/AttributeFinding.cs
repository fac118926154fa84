using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Cookies;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.FixContract;
using StateAnalyzers.Rules.Settings;

namespace StateAnalyzers.Rules.Reporting;

/// <summary>
/// Turns a weak attribute of a cookie write into a diagnostic: where to report it, why (for the message), and
/// what the code fix must edit (through the diagnostic's properties and first additional location).
/// </summary>
internal static class AttributeFinding
{
    public static void Report(
        Action<Diagnostic> report,
        DiagnosticDescriptor descriptor,
        CookieWrite write,
        RuleSettings settings,
        AttributeKind fixedAttribute,
        AttributeOrigin origin,
        IOperation? anchor,
        IOperation? reportAt,
        string reason,
        object[]? messageArguments = null,
        bool onlyTheMember = false)
    {
        messageArguments ??= new object[] { write.DisplayName, reason };
        anchor ??= write.Operation;
        var location = (reportAt ?? (write.Source.IsBuilder() ? anchor : write.Operation)).Syntax.GetLocation();
        var edited = origin == AttributeOrigin.RawHeader ? RawHeaderLiteral.EditableEnd(anchor.Syntax) : anchor.Syntax;
        if (edited is null)
        {
            report(Diagnostic.Create(descriptor, location, messageArguments));
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var isBuilder = write.Source.IsBuilder();
        properties[CookieFixProperties.FixKey] = origin switch
        {
            AttributeOrigin.ApiDefault => isBuilder ? CookieFixProperties.BuilderLambda : CookieFixProperties.AddOptions,
            AttributeOrigin.Assignment => CookieFixProperties.Assignment,
            AttributeOrigin.RawHeader => CookieFixProperties.RawHeader,
            _ => CookieFixProperties.Initializer,
        };
        var (member, value, raw) = fixedAttribute switch
        {
            AttributeKind.HttpOnly => ("HttpOnly", "true", "HttpOnly"),
            AttributeKind.Secure => isBuilder ? ("SecurePolicy", "CookieSecurePolicy.Always", "Secure") : ("Secure", "true", "Secure"),
            _ => ("SameSite", "SameSiteMode.Lax", "SameSite=Lax"),
        };
        properties[CookieFixProperties.MemberKey] = member;
        properties[CookieFixProperties.ValueKey] = value;
        properties[CookieFixProperties.RawAttributeKey] = raw;
        if (onlyTheMember)
        {
            properties[CookieFixProperties.OnlyMemberKey] = "true";
        }

        if (settings.IsScriptReadableByDesign(write.Name))
        {
            properties[CookieFixProperties.ScriptReadableKey] = "true";
        }

        report(Diagnostic.Create(
            descriptor,
            location,
            new[] { edited.GetLocation() },
            properties.ToImmutable(),
            messageArguments));
    }

    /// <summary>Builders: the framework's own defaults are fine except where a rule says otherwise; resets and explicit values count.</summary>
    public static bool IsStatedInCode(AttributeOrigin origin) => origin != AttributeOrigin.ApiDefault;

    public static string HttpOnlyReason(CookieWrite write, CookieAttribute<bool> attribute) => attribute.Origin switch
    {
        AttributeOrigin.RawHeader => FindingReasons.HeaderWithoutHttpOnly,
        AttributeOrigin.CreationDefault when write.Source.IsBuilder() => "the new CookieBuilder resets HttpOnly to false",
        AttributeOrigin.Initializer or AttributeOrigin.Assignment => "HttpOnly = false",
        _ => FindingReasons.HttpOnlyNotSet,
    };

    public static string SecureReason(CookieWrite write, CookieAttribute<SecureLevel> attribute)
    {
        var level = attribute.Value == SecureLevel.SameAsRequest ? "SameAsRequest" : "None";
        return attribute.Origin switch
        {
            AttributeOrigin.RawHeader => FindingReasons.HeaderWithoutSecure,
            AttributeOrigin.ApiDefault when write.Source == CookieSource.Session => "the session cookie's SecurePolicy defaults to None",
            AttributeOrigin.ApiDefault => write.Source.IsBuilder() ? "SecurePolicy defaults to " + level : FindingReasons.SecureNotSet,
            AttributeOrigin.CreationDefault when write.Source.IsBuilder() => "the new CookieBuilder resets SecurePolicy to SameAsRequest",
            AttributeOrigin.CreationDefault => FindingReasons.SecureNotSet,
            _ => write.Source.IsBuilder() ? "SecurePolicy = " + level : "Secure = false",
        };
    }

    public static string SameSiteReason(CookieWrite write, CookieAttribute<SameSiteLevel> attribute) => attribute.Origin switch
    {
        AttributeOrigin.RawHeader => FindingReasons.HeaderWithoutSameSite,
        AttributeOrigin.CreationDefault when write.Source.IsBuilder() => "the new CookieBuilder resets SameSite to Unspecified",
        AttributeOrigin.Initializer or AttributeOrigin.Assignment => "SameSite = Unspecified",
        _ => FindingReasons.SameSiteNotSet,
    };
}
