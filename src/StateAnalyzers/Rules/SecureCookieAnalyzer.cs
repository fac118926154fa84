using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Rules.Reporting;
using StateAnalyzers.Rules.Settings;

namespace StateAnalyzers.Rules;

/// <summary>
/// STATE005: A cookie that can travel over plain HTTP: Secure off, SecurePolicy None (the session cookie's default), or
/// SameAsRequest when configured to count; and SameSite=None without Secure, which browsers reject.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecureCookieAnalyzer : CookieWriteAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.Secure, Descriptors.SameSiteNoneWithoutSecure);

    private protected override void Analyze(Action<Diagnostic> report, CompilationModel model, RuleSettings settings, CookieWrite write)
    {
        var secure = write.Attributes.Secure;
        var sameSite = write.Attributes.SameSite;
        if (!secure.IsKnown || secure.Is(SecureLevel.Always) || model.Project.SuppliesSecure(write))
        {
            return;
        }

        var reason = AttributeFinding.SecureReason(write, secure);

        // SameSite=None needs Secure on every response: SameAsRequest leaves it off behind plain HTTP (or a TLS proxy
        // without forwarded headers), and browsers then drop the cookie.
        if (sameSite.Is(SameSiteLevel.None) && sameSite.IsExplicit)
        {
            AttributeFinding.Report(report, Descriptors.SameSiteNoneWithoutSecure, write, settings, AttributeKind.Secure, secure.Origin, secure.Anchor, write.Source.IsBuilder() ? sameSite.Anchor : null, reason);
            return;
        }

        var weak = secure.Is(SecureLevel.Never) || settings.FlagSameAsRequest;
        var stated = !write.Source.IsBuilder() || AttributeFinding.IsStatedInCode(secure.Origin) || (write.Source == CookieSource.Session && write.IsRegistration);
        if (weak && stated)
        {
            AttributeFinding.Report(report, Descriptors.Secure, write, settings, AttributeKind.Secure, secure.Origin, secure.Anchor, null, reason);
        }
    }
}
