using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.FixContract;
using StateAnalyzers.Internal;
using StateAnalyzers.Session;
using StateAnalyzers.SignOuts;

namespace StateAnalyzers.Rules;

/// <summary>
/// STATE003: A logout that leaves the session alive: a sign-out in a method that never calls <c>ISession.Clear()</c> (itself or
/// through a helper in source), in a project that uses session at all. A sign-out made through a small wrapper
/// method in source is reported where the wrapper is called. Whether the project uses session is gathered once per
/// compilation; the findings are reported per document, so they show up live in the IDE.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignOutWithoutSessionClearAnalyzer : StateAnalyzer
{
    private const string HttpContextParameterName = "httpContext";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SignOutWithoutSessionClear);

    private protected override void AnalyzeFile(SemanticModelAnalysisContext context, CompilationModel model)
    {
        Action<Diagnostic> report = context.ReportDiagnostic;
        foreach (var operation in model.Candidates.In(context.SemanticModel, context.FilterSpan, context.CancellationToken))
        {
            Analyze(report, model, operation);
        }
    }

    private static void Analyze(Action<Diagnostic> report, CompilationModel model, IOperation operation)
    {
        if (model.SignOuts.From(operation) is { } signOut)
        {
            if (!model.SignOuts.IsLogout(signOut)
                || !model.Session.UsesSession
                || model.SignOuts.IsInNonLogoutContext(operation)
                || IsReportedAtCallSites(model, operation)
                || model.Clearing.Clears(SessionClearing.MethodOf(operation)))
            {
                return;
            }

            Report(report, model, operation, signOut.DisplayName, signOut.HttpContext);
            return;
        }

        if (operation is IInvocationOperation invocation
            && model.IsInSource(invocation.TargetMethod)
            && model.Session.Wrappers.TryGetValue(invocation.TargetMethod.OriginalDefinition, out var wrapper))
        {
            if (!model.Session.UsesSession
                || !wrapper.IsLogoutAt(invocation, model.SignOuts)
                || SymbolEqualityComparer.Default.Equals(SessionClearing.MemberOf(invocation)?.OriginalDefinition, wrapper.Method)
                || model.SignOuts.IsInNonLogoutContext(invocation)
                || model.Clearing.Clears(SessionClearing.MethodOf(invocation)))
            {
                return;
            }

            var httpContext = invocation.Arguments
                .Select(a => a.Value)
                .FirstOrDefault(v => SymbolEqualityComparer.Default.Equals(OperationFlow.SkipConversions(v).Type, model.Types.HttpContext));
            Report(report, model, invocation, SignOutRecognizer.DisplayName(invocation), httpContext);
        }
    }

    /// <summary>The sign-out is the whole body of a small wrapper that code in source calls: the call sites are reported.</summary>
    private static bool IsReportedAtCallSites(CompilationModel model, IOperation signOut) =>
        SessionClearing.MemberOf(signOut) is { } member
        && model.Session.Wrappers.TryGetValue(member.OriginalDefinition, out var wrapper)
        && model.Session.IsCalledInSource(wrapper.Method);

    private static void Report(Action<Diagnostic> report, CompilationModel model, IOperation at, string displayName, IOperation? httpContext)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (SessionAccessor.For(model.Types, at, httpContext) is { } session)
        {
            properties[SessionFixProperties.SessionKey] = session;
        }
        else if (HandlerLambdaWithoutHttpContext(model, at) is { } parameter)
        {
            properties[SessionFixProperties.AddHttpContextParameterKey] = parameter;
        }

        report(Diagnostic.Create(Descriptors.SignOutWithoutSessionClear, at.Syntax.GetLocation(), properties.ToImmutable(), displayName));
    }

    /// <summary>
    /// A minimal-API handler (<c>app.MapPost("/logout", () =&gt; Results.SignOut())</c>) can take an <c>HttpContext</c>
    /// parameter, which the framework binds: the name the fix can give it, when the lambda's parameters allow one more.
    /// </summary>
    private static string? HandlerLambdaWithoutHttpContext(CompilationModel model, IOperation at)
    {
        if (SessionClearing.MethodOf(at).Parent is not IAnonymousFunctionOperation lambda
            || lambda.Syntax is not ParenthesizedLambdaExpressionSyntax syntax
            || syntax.ParameterList.Parameters.Any(p => p.Type is null))
        {
            return null;
        }

        // MapPost(pattern, Delegate handler): the lambda reaches the argument through a delegate creation and a conversion.
        var argument = lambda.Parent;
        while (argument is IDelegateCreationOperation or IConversionOperation)
        {
            argument = argument.Parent;
        }

        if (argument is not IArgumentOperation { Parent: IInvocationOperation map } || SessionPipeline.Classify(map, model.Types) != PipelineStep.MapEndpoint)
        {
            return null;
        }

        var taken = lambda.SemanticModel?.LookupSymbols(at.Syntax.SpanStart).Select(s => s.Name).ToImmutableHashSet() ?? ImmutableHashSet<string>.Empty;
        var name = HttpContextParameterName;
        for (var i = 2; taken.Contains(name); i++)
        {
            name = HttpContextParameterName + i;
        }

        return name;
    }
}
