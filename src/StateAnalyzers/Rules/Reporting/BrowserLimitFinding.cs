using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Cookies;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.FixContract;
using StateAnalyzers.Internal;
using StateAnalyzers.Lifetimes;
using StateAnalyzers.Rules.Settings;

namespace StateAnalyzers.Rules.Reporting;

/// <summary>
/// Turns a STATE010 judgement of <see cref="BrowserLimits"/> into a diagnostic: where, why, and the one edit its fix makes
/// (the <see cref="CookieFixProperties"/> of the TightenCookie fix), where the code states the attribute.
/// </summary>
internal static class BrowserLimitFinding
{
    private const string RootPath = "\"/\"";
    private const string DomainProperty = "Domain";
    private const string PathProperty = "Path";

    public static void ReportMissingSecure(Action<Diagnostic> report, CookieWrite write, RuleSettings settings, CookiePrefix prefix)
    {
        var secure = write.Attributes.Secure;
        var reason = AttributeFinding.SecureReason(write, secure);
        AttributeFinding.Report(
            report, Descriptors.BrowserRejectedCookie, write, settings, AttributeKind.Secure, secure.Origin, secure.Anchor, null, reason,
            new object[] { write.DisplayName, prefix.Text(), reason },
            onlyTheMember: true);
    }

    public static void ReportDomain(Action<Diagnostic> report, CookieWrite write)
    {
        var domain = write.Attributes.Domain;
        var raw = domain.Origin == AttributeOrigin.RawHeader;
        var reason = raw ? "Domain=" + domain.Value!.Value.Text + " in the Set-Cookie header" : "Domain = \"" + domain.Value!.Value.Text + "\"";
        var edit = raw ? RawEdit(domain.Anchor, remove: DomainProperty, append: string.Empty, removalRequired: true) : MemberEdit(domain, DomainProperty, "null", remove: true);
        Report(report, Descriptors.HostCookieWithDomain, write, domain.Anchor, edit, null, write.DisplayName, reason);
    }

    public static void ReportPath(Action<Diagnostic> report, CookieWrite write)
    {
        var path = write.Attributes.Path;
        var text = path.Value!.Value.Text;
        var raw = path.Origin == AttributeOrigin.RawHeader;
        var reason = raw
            ? (text is null ? "no Path attribute in the Set-Cookie header" : "Path=" + text + " in the Set-Cookie header")
            : (text is null ? "Path = null" : "Path = \"" + text + "\"");
        var edit = raw ? RawEdit(path.Anchor, remove: PathProperty, append: "Path=/", removalRequired: false) : MemberEdit(path, PathProperty, RootPath, remove: false);
        Report(report, Descriptors.HostCookieWithPath, write, path.Anchor, edit, null, write.DisplayName, reason);
    }

    public static void ReportLifetime(Action<Diagnostic> report, CookieWrite write, CookieAttribute<CookieExpiry> lifetime, bool isMaxAge, TimeSpan ahead)
    {
        var raw = lifetime.Origin == AttributeOrigin.RawHeader;
        var property = isMaxAge ? "MaxAge" : write.Source.IsBuilder() ? "Expiration" : "Expires";
        var attribute = raw ? (isMaxAge ? "Max-Age" : "Expires") + " in the Set-Cookie header" : property;
        var capInSeconds = ((long)RuleCatalog.MaxCookieLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var edit = raw
            ? RawEdit(lifetime.Anchor, remove: isMaxAge ? "Max-Age" : "Expires", append: "Max-Age=" + capInSeconds, removalRequired: false)
            : LifetimeEdit(lifetime, property, isMaxAge || write.Source.IsBuilder());
        Report(
            report,
            Descriptors.LifetimeCappedByBrowser,
            write,
            lifetime.Anchor,
            edit,
            Severity(RuleCatalog.BrowserRejectedCookie.Message(RuleCatalog.LifetimeCappedByBrowserVariant)),
            write.DisplayName,
            Durations.Describe(ahead),
            attribute);
    }

    private static void Report(Action<Diagnostic> report, DiagnosticDescriptor descriptor, CookieWrite write, IOperation? anchor, (SyntaxNode Node, ImmutableDictionary<string, string?> Properties)? edit, DiagnosticSeverity? severity, params object[] arguments)
    {
        // Builders are reported at what sets the attribute, other writes at the write.
        var location = (write.Source.IsBuilder() && anchor is not null ? anchor : write.Operation).Syntax.GetLocation();
        var additional = edit is { } e ? new[] { e.Node.GetLocation() } : null;
        var properties = edit?.Properties;
        report(Diagnostic.Create(descriptor, location, severity ?? descriptor.DefaultSeverity, additional, properties, arguments));
    }

    /// <summary>Path or Domain in the initializer of the creation or in an assignment.</summary>
    private static (SyntaxNode, ImmutableDictionary<string, string?>)? MemberEdit(CookieAttribute<CookieText> attribute, string member, string value, bool remove)
    {
        var kind = attribute.Origin switch
        {
            AttributeOrigin.Initializer => CookieFixProperties.Initializer,
            AttributeOrigin.Assignment => CookieFixProperties.Assignment,
            _ => null,
        };
        if (kind is null || attribute.Anchor is null)
        {
            return null;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[CookieFixProperties.FixKey] = kind;
        properties[CookieFixProperties.MemberKey] = member;
        properties[CookieFixProperties.ValueKey] = value;
        if (remove)
        {
            properties[CookieFixProperties.RemoveKey] = "true";
        }

        return (attribute.Anchor.Syntax, properties.ToImmutable());
    }

    /// <summary>
    /// The lifetime's own expression replaced by the cap, written the way the code wrote it (<see cref="LifetimeReplacement"/>):
    /// <c>TimeSpan.FromDays(400)</c>, <c>DateTimeOffset.UtcNow.AddDays(400)</c>; a fixed date becomes now plus 400 days.
    /// </summary>
    private static (SyntaxNode, ImmutableDictionary<string, string?>)? LifetimeEdit(CookieAttribute<CookieExpiry> lifetime, string property, bool isSpan)
    {
        if (ValueOf(lifetime, property) is not { } value)
        {
            return null;
        }

        var cap = RuleCatalog.MaxCookieLifetime;
        var days = RuleCatalog.MaxCookieLifetimeDays.ToString(CultureInfo.InvariantCulture);
        IOperation replaced;
        string? replacement;
        if (isSpan)
        {
            replaced = value;
            replacement = LifetimeReplacement.For(value, fromNow: false, cap) ?? "global::System.TimeSpan.FromDays(" + days + ")";
        }
        else if (LifetimeConstant.FromNowOf(value) is { } fromNow)
        {
            replaced = OperationFlow.SkipConversions(fromNow.At);
            replacement = LifetimeReplacement.For(replaced, fromNow: replaced == value, cap);
        }
        else
        {
            replaced = value;
            replacement = "global::System.DateTimeOffset.UtcNow.AddDays(" + days + ")";
        }

        if (replacement is null)
        {
            return null;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[CookieFixProperties.FixKey] = CookieFixProperties.Replace;
        properties[CookieFixProperties.MemberKey] = property;
        properties[CookieFixProperties.ValueKey] = replacement;
        return (replaced.Syntax, properties.ToImmutable());
    }

    /// <summary>The expression that sets the lifetime: the assignment's value, or the last initializer member of that name.</summary>
    private static IOperation? ValueOf(CookieAttribute<CookieExpiry> lifetime, string property)
    {
        var value = lifetime.Anchor switch
        {
            ISimpleAssignmentOperation assignment when lifetime.Origin == AttributeOrigin.Assignment => assignment.Value,
            IObjectCreationOperation creation when lifetime.Origin == AttributeOrigin.Initializer => creation.Initializer?.Initializers
                .OfType<ISimpleAssignmentOperation>()
                .LastOrDefault(a => a.Target is IPropertyReferenceOperation p && p.Property.Name == property)?.Value,
            _ => null,
        };
        return value is null ? null : OperationFlow.SkipConversions(value);
    }

    /// <summary>One literal edit of a raw header: <paramref name="remove"/> taken out of it (when it is there), <paramref name="append"/> added.</summary>
    private static (SyntaxNode, ImmutableDictionary<string, string?>)? RawEdit(IOperation? anchor, string remove, string append, bool removalRequired)
    {
        if (anchor is null || RawHeaderLiteral.EditableEnd(anchor.Syntax) is not { } editable
            || (removalRequired && !RawHeaderLiteral.HoldsAttribute(anchor.Syntax, editable, remove)))
        {
            return null;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[CookieFixProperties.FixKey] = CookieFixProperties.RawHeader;
        properties[CookieFixProperties.MemberKey] = remove;
        properties[CookieFixProperties.ValueKey] = append;
        properties[CookieFixProperties.RawAttributeKey] = append;
        properties[CookieFixProperties.RawRemoveKey] = remove;
        return (editable, properties.ToImmutable());
    }

    private static DiagnosticSeverity Severity(RuleMessage message) => message.SeverityIn(RuleCatalog.BrowserRejectedCookie) switch
    {
        RuleSeverity.Hidden => DiagnosticSeverity.Hidden,
        RuleSeverity.Info => DiagnosticSeverity.Info,
        RuleSeverity.Error => DiagnosticSeverity.Error,
        _ => DiagnosticSeverity.Warning,
    };
}
