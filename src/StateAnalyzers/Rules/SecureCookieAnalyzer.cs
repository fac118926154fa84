using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StateAnalyzers.Model;

namespace StateAnalyzers.Rules
{
    /// <summary>
    /// A cookie that can travel over plain HTTP: Secure off, SecurePolicy None (the session cookie's default), or
    /// SameAsRequest when configured to count; and SameSite=None without Secure, which browsers reject.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class SecureCookieAnalyzer : CookieWriteAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.Secure, Descriptors.SameSiteNoneWithoutSecure);

        private protected override void Analyze(OperationAnalysisContext context, CookieModel model, RuleSettings settings, CookieWrite write)
        {
            var secure = write.Attributes.Secure;
            var sameSite = write.Attributes.SameSite;
            var weak = secure.Is(SecureLevel.Never) || (secure.Is(SecureLevel.SameAsRequest) && settings.FlagSameAsRequest);
            if (!weak || model.Project.CookiePolicy.CoversSecure(write))
            {
                return;
            }

            var reason = AttributeFinding.SecureReason(write, secure);
            if (sameSite.Is(SameSiteLevel.None) && sameSite.IsExplicit)
            {
                AttributeFinding.Report(context, Descriptors.SameSiteNoneWithoutSecure, write, settings, AttributeKind.Secure, secure.Origin, secure.Anchor, write.Source.IsBuilder() ? sameSite.Anchor : null, reason);
                return;
            }

            if (write.Source.IsBuilder() && !AttributeFinding.IsStatedInCode(secure.Origin) && !IsUnsecuredSessionRegistration(model, write))
            {
                return;
            }

            AttributeFinding.Report(context, Descriptors.Secure, write, settings, AttributeKind.Secure, secure.Origin, secure.Anchor, null, reason);
        }

        /// <summary><c>AddSession</c> leaves the session id cookie's SecurePolicy at None unless the project sets Always.</summary>
        private static bool IsUnsecuredSessionRegistration(CookieModel model, CookieWrite write) =>
            write.Source == CookieSource.Session && write.IsRegistration && !model.Project.SessionSecureConfigured;
    }
}
