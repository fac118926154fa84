using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.FixContract;
using StateAnalyzers.Internal;
using StateAnalyzers.Session;
using StateAnalyzers.SignOuts;

namespace StateAnalyzers.Rules;

/// <summary>
/// STATE008: A login that keeps the session from before it (session fixation): a sign-in in a method that does not
/// clear the session before it (itself or through a helper in source), in a project that uses session at all (the
/// facts STATE003 reads). Sign-ins to the Identity external and two-factor schemes are not logins. A sign-in made
/// through a small wrapper method in source is reported where the wrapper is called. A sign-in inside a cookie
/// authentication event (re-issuing the cookie of a user who is already signed in) is a renewal, not a login.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignInKeepsSessionAnalyzer : StateAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SignInKeepsSession);

    private protected override void AnalyzeFile(SemanticModelAnalysisContext context, CompilationModel model)
    {
        Action<Diagnostic> report = context.ReportDiagnostic;
        foreach (var operation in model.Candidates.In(context.SemanticModel, context.FilterSpan, context.CancellationToken))
        {
            if (operation is IInvocationOperation invocation)
            {
                Analyze(report, model, invocation);
            }
        }
    }

    private static void Analyze(Action<Diagnostic> report, CompilationModel model, IInvocationOperation invocation)
    {
        if (model.SignIns.From(invocation) is { } signIn)
        {
            if (!model.SignIns.IsLogin(signIn)
                || !model.Session.UsesSession
                || model.SignIns.IsFrameworkPlumbing(invocation)
                || model.SignOuts.IsInNonLogoutContext(invocation)
                || IsReportedAtCallSites(model, invocation)
                || model.Clearing.ClearsBefore(SessionClearing.MethodOf(invocation), invocation))
            {
                return;
            }

            Report(report, model, invocation, signIn.DisplayName, signIn.HttpContext);
            return;
        }

        if (model.IsInSource(invocation.TargetMethod)
            && model.SignInWrappers.Wrappers.TryGetValue(invocation.TargetMethod.OriginalDefinition, out var wrapper))
        {
            if (!model.Session.UsesSession
                || !wrapper.IsLoginAt(invocation, model.SignOuts)
                || SymbolEqualityComparer.Default.Equals(SessionClearing.MemberOf(invocation)?.OriginalDefinition, wrapper.Method)
                || model.SignIns.IsFrameworkPlumbing(invocation)
                || model.Clearing.ClearsBefore(SessionClearing.MethodOf(invocation), invocation))
            {
                return;
            }

            var httpContext = invocation.Arguments
                .Select(a => a.Value)
                .FirstOrDefault(v => SymbolEqualityComparer.Default.Equals(OperationFlow.SkipConversions(v).Type, model.Types.HttpContext));
            Report(report, model, invocation, SignOutRecognizer.DisplayName(invocation), httpContext);
        }
    }

    /// <summary>The sign-in is the whole body of a small wrapper that code in source calls: the call sites are reported.</summary>
    private static bool IsReportedAtCallSites(CompilationModel model, IOperation signIn) =>
        SessionClearing.MemberOf(signIn) is { } member
        && model.SignInWrappers.Wrappers.ContainsKey(member.OriginalDefinition)
        && model.SignInWrappers.IsCalledInSource(member.OriginalDefinition);

    private static void Report(Action<Diagnostic> report, CompilationModel model, IOperation at, string displayName, IOperation? httpContext)
    {
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (SessionAccessor.For(model.Types, at, httpContext) is { } session)
        {
            properties = properties.Add(SessionFixProperties.SessionKey, session);
        }

        report(Diagnostic.Create(Descriptors.SignInKeepsSession, at.Syntax.GetLocation(), properties, displayName));
    }
}
