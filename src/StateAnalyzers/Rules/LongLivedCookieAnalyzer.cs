using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Catalogue;
using StateAnalyzers.FixContract;
using StateAnalyzers.Lifetimes;
using StateAnalyzers.Rules.Settings;

namespace StateAnalyzers.Rules;

/// <summary>
/// STATE009: An authentication or session cookie that lives longer than the configured maximum: a constant
/// <c>ExpireTimeSpan</c> or <c>Cookie.MaxAge</c> in the authentication or session options lambdas, a constant
/// <c>SessionOptions.IdleTimeout</c>, or a constant <c>ExpiresUtc</c> handed to a sign-in. Values from configuration
/// or computed at run time are unknown and never reported; exactly the maximum is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LongLivedCookieAnalyzer : StateAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LongLivedCookie);

    private protected override void AnalyzeFile(SemanticModelAnalysisContext context, CompilationModel model)
    {
        RuleSettings? settings = null;
        var reported = new HashSet<SyntaxNode>();
        foreach (var operation in model.Candidates.In(context.SemanticModel, context.FilterSpan, context.CancellationToken))
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            foreach (var setting in model.Lifetimes.FromInvocation(invocation))
            {
                Judge(context, settings ??= Settings(context), reported, setting);
            }

            if (model.SignIns.From(invocation) is { } signIn && LifetimeReader.FromSignIn(signIn) is { } expires)
            {
                Judge(context, settings ??= Settings(context), reported, expires);
            }
        }
    }

    private static RuleSettings Settings(SemanticModelAnalysisContext context) =>
        RuleSettings.Read(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.SemanticModel.SyntaxTree));

    private static void Judge(SemanticModelAnalysisContext context, RuleSettings settings, HashSet<SyntaxNode> reported, LifetimeSetting setting)
    {
        var (maximum, option) = setting.Kind == LifetimeKind.SessionIdle
            ? (settings.MaxSessionIdle, RuleCatalog.MaxSessionIdle)
            : (settings.MaxAuthLifetime, RuleCatalog.MaxAuthLifetime);
        if (setting.Lifetime <= maximum || !reported.Add(setting.Value.Syntax))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        if (LifetimeReplacement.For(setting, maximum) is { } replacement)
        {
            properties = properties.Add(LifetimeFixProperties.ReplacementKey, replacement);
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LongLivedCookie,
            setting.Value.Syntax.GetLocation(),
            properties,
            "'" + setting.Property + "'",
            setting.Kind.Describe(),
            Durations.Describe(setting.Lifetime),
            Durations.Describe(maximum),
            option.Key));
    }
}
