using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Rules;

/// <summary>Roslyn descriptors built from the catalogue; one per rule message.</summary>
internal static class Descriptors
{
    public static readonly DiagnosticDescriptor SensitiveCookie = Create(RuleCatalog.SensitiveCookie);
    public static readonly DiagnosticDescriptor OversizedCookie = Create(RuleCatalog.OversizedCookie);
    public static readonly DiagnosticDescriptor HttpOnly = Create(RuleCatalog.HttpOnly);
    public static readonly DiagnosticDescriptor Secure = Create(RuleCatalog.Secure);
    public static readonly DiagnosticDescriptor SameSiteNoneWithoutSecure = Create(RuleCatalog.Secure, RuleCatalog.SameSiteNoneWithoutSecureVariant);
    public static readonly DiagnosticDescriptor SameSite = Create(RuleCatalog.SameSite);
    public static readonly DiagnosticDescriptor SignOutWithoutSessionClear = Create(RuleCatalog.SignOutWithoutSessionClear);
    public static readonly DiagnosticDescriptor SessionNotConfigured = Create(RuleCatalog.SessionNotConfigured);
    public static readonly DiagnosticDescriptor SessionServicesMissing = Create(RuleCatalog.SessionNotConfigured, RuleCatalog.SessionServicesMissingVariant);

    public static DiagnosticDescriptor Create(Rule rule, string variant = RuleCatalog.DefaultVariant) =>
        new DiagnosticDescriptor(
            rule.Id,
            rule.Title,
            rule.Message(variant).Format,
            rule.Category,
            ToSeverity(rule.DefaultSeverity),
            isEnabledByDefault: true,
            description: null,
            helpLinkUri: rule.HelpLink,
            customTags: Tags(rule).ToArray());

    private static IEnumerable<string> Tags(Rule rule)
    {
        // Rules that read compilation-wide facts still report per document, so none is CompilationEnd.
        yield return rule.Category;
    }

    private static DiagnosticSeverity ToSeverity(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Hidden => DiagnosticSeverity.Hidden,
        RuleSeverity.Info => DiagnosticSeverity.Info,
        RuleSeverity.Error => DiagnosticSeverity.Error,
        _ => DiagnosticSeverity.Warning,
    };
}
