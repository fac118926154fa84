using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.FixContract;
using StateAnalyzers.Session;

namespace StateAnalyzers.Rules;

/// <summary>
/// STATE007: Session touched in a project whose host never registers it (<c>AddSession</c>), never runs its middleware
/// (<c>UseSession</c>), or runs the middleware only after an explicit <c>UseEndpoints</c>, a terminal <c>Run</c>, or the
/// host's <c>Run()</c>. Reported at the host's configuration (<c>builder.Build()</c>, or the Startup class's
/// <c>Configure</c> / <c>ConfigureServices</c>), or at a misplaced <c>UseSession</c>. The facts are gathered once per
/// compilation; the finding is reported from the host's own file, so the IDE shows it live there. No symbol action:
/// one on every type cost the driver about 1.8 MB per 500 files for a check that only Startup classes need.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SessionNotConfiguredAnalyzer : StateAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SessionNotConfigured, Descriptors.SessionServicesMissing);

    private protected override void AnalyzeFile(SemanticModelAnalysisContext context, CompilationModel model)
    {
        Action<Diagnostic> report = context.ReportDiagnostic;
        foreach (var operation in model.Candidates.In(context.SemanticModel, context.FilterSpan, context.CancellationToken))
        {
            if (operation is IInvocationOperation invocation)
            {
                AnalyzeInvocation(report, model, invocation);
            }
        }

        AnalyzeStartups(report, model, context.SemanticModel.SyntaxTree);
    }

    private static void AnalyzeInvocation(Action<Diagnostic> report, CompilationModel model, IInvocationOperation invocation)
    {
        if (!SessionPipeline.ReportedCallNames.Contains(invocation.TargetMethod.Name))
        {
            return;
        }

        var facts = model.Session;
        if (!facts.TouchesSession || facts.Hosts.IsEmpty)
        {
            return;
        }

        if (SessionPipeline.Classify(invocation, model.Types) == PipelineStep.UseSession)
        {
            // Only a misplacement is reported here; with AddSession missing as well, the host reports both.
            if (facts.AddsSession
                && Evaluate(model, facts) is { AllMisplaced: true } state
                && state.Misplaced.FirstOrDefault(m => Same(m.UseSession, invocation.Syntax)) is { UseSession: not null } here)
            {
                Report(report, model, facts.Hosts[0], invocation.Syntax.GetLocation(), Descriptors.SessionNotConfigured, Misplacement(here.Blocker, withReason: true), state, invocation.Syntax);
            }

            return;
        }

        var host = facts.Hosts.FirstOrDefault(h => h.Kind == SessionHostKind.Program && Same(h.Anchor, invocation.Syntax));
        if (host is not null)
        {
            ReportAtHost(report, model, facts, host, invocation.Syntax.GetLocation(), Evaluate(model, facts));
        }
    }

    /// <summary>A Startup class's host is reported at its Configure (or ConfigureServices) method, from the file that declares it.</summary>
    private static void AnalyzeStartups(Action<Diagnostic> report, CompilationModel model, SyntaxTree tree)
    {
        var facts = model.Session;
        if (!facts.TouchesSession)
        {
            return;
        }

        foreach (var host in facts.Hosts)
        {
            if (host.Kind != SessionHostKind.Startup || !(DeclaredIn(host.Configure, tree) || DeclaredIn(host.ConfigureServices, tree)))
            {
                continue; // every file asks; the pipeline is evaluated only for the file that declares the host
            }

            var state = Evaluate(model, facts);
            var method = state.MissingUse || state.AllMisplaced || host.ConfigureServices is null ? host.Configure : host.ConfigureServices;
            if (method?.Locations.FirstOrDefault(l => l.IsInSource) is { } location && location.SourceTree == tree)
            {
                ReportAtHost(report, model, facts, host, location, state);
            }
        }
    }

    private static bool DeclaredIn(IMethodSymbol? method, SyntaxTree tree) =>
        method is not null && method.Locations.Any(l => l.SourceTree == tree);

    private static void ReportAtHost(Action<Diagnostic> report, CompilationModel model, SessionFacts facts, SessionHost host, Location location, PipelineState state)
    {
        var missingServices = !facts.AddsSession;
        if (!missingServices && !state.MissingUse)
        {
            return; // configured; a misplaced UseSession is reported at the UseSession call
        }

        string missing;
        DiagnosticDescriptor descriptor;
        SyntaxNode? move = null;
        if (missingServices && state.MissingUse)
        {
            (missing, descriptor) = ("AddSession() and UseSession() are never called", Descriptors.SessionNotConfigured);
        }
        else if (state.MissingUse)
        {
            (missing, descriptor) = ("UseSession() is never called", Descriptors.SessionNotConfigured);
        }
        else if (state.AllMisplaced)
        {
            var first = state.Misplaced[0];
            move = first.UseSession;
            (missing, descriptor) = ("AddSession() is never called, and " + Misplacement(first.Blocker, withReason: false), Descriptors.SessionServicesMissing);
        }
        else
        {
            (missing, descriptor) = ("AddSession() is never called", Descriptors.SessionServicesMissing);
        }

        Report(report, model, host, location, descriptor, missing, state, move);
    }

    private static void Report(Action<Diagnostic> report, CompilationModel model, SessionHost host, Location location, DiagnosticDescriptor descriptor, string missing, PipelineState state, SyntaxNode? move)
    {
        var facts = model.Session;
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (!facts.AddsSession)
        {
            properties[SessionFixProperties.AddSessionKey] = "true";
            if (!facts.RegistersDistributedCache)
            {
                properties[SessionFixProperties.AddCacheKey] = "true";
            }
        }

        if (state.MissingUse)
        {
            properties[SessionFixProperties.UseSessionKey] = "true";
        }

        if (move is not null)
        {
            properties[SessionFixProperties.MoveUseSessionKey] = "true";
        }

        if (host.Kind == SessionHostKind.Startup)
        {
            properties[SessionFixProperties.StartupKey] = "true";
        }

        var additional = new List<Location> { host.Anchor.GetLocation() };
        if (move is not null)
        {
            additional.Add(move.GetLocation());
        }

        report(Diagnostic.Create(descriptor, location, additional, properties.ToImmutable(), missing));
    }

    /// <summary>What makes UseSession come too late, optionally with why that matters.</summary>
    private static string Misplacement(IInvocationOperation blocker, bool withReason) => blocker.TargetMethod.Name switch
    {
        "UseEndpoints" => "UseSession() comes after UseEndpoints(...)" + (withReason ? ", so it never runs before the endpoints" : string.Empty),
        "Run" when blocker.TargetMethod.IsExtensionMethod => "UseSession() comes after the terminal Run(...) middleware" + (withReason ? ", so it never runs" : string.Empty),
        var name => "UseSession() comes after app." + name + "()" + (withReason ? ", when the pipeline is already built" : string.Empty),
    };

    private static bool Same(SyntaxNode a, SyntaxNode b) => a.SyntaxTree == b.SyntaxTree && a.Span == b.Span;

    /// <summary>Where the project's UseSession calls stand: none, or each with the call that comes before it and blocks it.</summary>
    private static PipelineState Evaluate(CompilationModel model, SessionFacts facts)
    {
        var misplaced = new List<(SyntaxNode UseSession, IInvocationOperation Blocker)>();
        foreach (var call in facts.UseSessionCalls)
        {
            if (model.SemanticModelFor(call.SyntaxTree).GetOperation(call) is IInvocationOperation useSession
                && SessionPipeline.BlockerBefore(useSession, model.Types) is { } blocker)
            {
                misplaced.Add((call, blocker));
            }
        }

        return new PipelineState(facts.UseSessionCalls.IsEmpty, misplaced.Count > 0 && misplaced.Count == facts.UseSessionCalls.Length, misplaced);
    }

    private sealed class PipelineState
    {
        public PipelineState(bool missingUse, bool allMisplaced, List<(SyntaxNode UseSession, IInvocationOperation Blocker)> misplaced)
        {
            MissingUse = missingUse;
            AllMisplaced = allMisplaced;
            Misplaced = misplaced;
        }

        public bool MissingUse { get; }

        public bool AllMisplaced { get; }

        public List<(SyntaxNode UseSession, IInvocationOperation Blocker)> Misplaced { get; }
    }
}
