using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Internal;
using StateAnalyzers.Session;

namespace StateAnalyzers.Cookies.Policy;

/// <summary>
/// Reads the app-wide cookie policy: the <c>UseCookiePolicy</c> call (unconditional, first in a stable order), the
/// <c>CookiePolicyOptions</c> it applies (in place, a local set before the call, or every options lambda of the
/// project), and the middleware registered before it, which the policy does not cover.
/// </summary>
internal static class CookiePolicyReader
{
    /// <summary>The policy the project applies, read from its pipeline registrations (the candidate calls of <see cref="ProjectFacts"/>).</summary>
    public static CookiePolicy Read(CompilationModel model, List<IInvocationOperation> invocations)
    {
        var types = model.Types;
        // Several UseCookiePolicy calls: the first in a stable order (file, then position).
        var use = invocations
            .Where(i => i.TargetMethod.Name == "UseCookiePolicy" && SymbolEqualityComparer.Default.Equals(i.TargetMethod.ContainingType, types.CookiePolicyExtensions))
            .OrderBy(i => i.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal)
            .ThenBy(i => i.Syntax.SpanStart)
            .FirstOrDefault();

        // A policy applied only in some environments (inside an if) protects nothing for sure.
        if (use is null || OperationFlow.IsConditionalWithin(use, OperationFlow.Root(use)))
        {
            return CookiePolicy.None;
        }

        var settings = new PolicySettings();
        var explicitOptions = use.Arguments.Skip(1).FirstOrDefault()?.Value;
        if (explicitOptions is not null)
        {
            ReadExplicitPolicy(OperationFlow.SkipConversions(explicitOptions), use, settings);
        }
        else
        {
            // Configure<CookiePolicyOptions>, PostConfigure, AddCookiePolicy, AddOptions<...>().Configure: any options lambda.
            foreach (var invocation in invocations)
            {
                foreach (var lambda in Lambdas(invocation).Where(l => SymbolEqualityComparer.Default.Equals(l.Symbol.Parameters.FirstOrDefault()?.Type, types.CookiePolicyOptions)))
                {
                    foreach (var assignment in lambda.Body.Descendants().OfType<ISimpleAssignmentOperation>())
                    {
                        settings.Read(assignment, OperationFlow.IsConditionalWithin(assignment, lambda.Body));
                    }
                }
            }
        }

        var middlewareBefore = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        var inlineBefore = new List<(SyntaxTree, TextSpan)>();
        var sessionBefore = false;
        var authenticationBefore = false;
        var root = OperationFlow.Root(use);
        foreach (var earlier in invocations.Where(i => OperationFlow.Root(i) == root && OperationFlow.IsBefore(i, use)))
        {
            RecordEarlierMiddleware(model, earlier, middlewareBefore, inlineBefore, ref sessionBefore, ref authenticationBefore, 0);
        }

        return new CookiePolicy(true, settings.HttpOnlyAlways, settings.SecureAlways, settings.MinimumSameSite, middlewareBefore, inlineBefore, sessionBefore, authenticationBefore);
    }

    /// <summary>
    /// <c>UseCookiePolicy(policy)</c>: a <c>new CookiePolicyOptions { ... }</c> in place, or a local created that way and
    /// set before the call.
    /// </summary>
    private static void ReadExplicitPolicy(IOperation options, IInvocationOperation use, PolicySettings settings)
    {
        if (options is IObjectCreationOperation creation)
        {
            foreach (var assignment in creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>())
            {
                settings.Read(assignment, conditional: false);
            }

            return;
        }

        if (options is not ILocalReferenceOperation local)
        {
            settings.MarkUnknown();
            return;
        }

        var sources = ValueFlow.SourcesOf(local.Local, use).ToList();
        if (sources.Count != 1 || OperationFlow.SkipConversions(sources[0]) is not IObjectCreationOperation created)
        {
            settings.MarkUnknown();
            return;
        }

        ReadExplicitPolicy(created, use, settings);
        foreach (var assignment in OperationFlow.Root(use).Descendants().OfType<ISimpleAssignmentOperation>())
        {
            if (assignment.Target is IPropertyReferenceOperation { Instance: ILocalReferenceOperation target }
                && SymbolEqualityComparer.Default.Equals(target.Local, local.Local)
                && OperationFlow.IsBefore(assignment, use))
            {
                settings.Read(assignment, OperationFlow.ReachBefore(assignment, use) != OperationFlow.Reach.Always);
            }
        }
    }

    /// <summary>
    /// Middleware registered before the policy: <c>UseMiddleware&lt;T&gt;</c>, inline <c>Use</c>/<c>Run</c> lambdas, and
    /// the same inside an extension method in source that the pipeline calls (<c>app.UseVisitorTracking()</c>).
    /// </summary>
    private static void RecordEarlierMiddleware(
        CompilationModel model,
        IInvocationOperation earlier,
        HashSet<ITypeSymbol> middlewareBefore,
        List<(SyntaxTree, TextSpan)> inlineBefore,
        ref bool sessionBefore,
        ref bool authenticationBefore,
        int depth)
    {
        var method = earlier.TargetMethod;
        if (!IsPipelineCall(earlier, model.Types))
        {
            return;
        }

        switch (SessionPipeline.Classify(earlier, model.Types))
        {
            case PipelineStep.UseSession:
                sessionBefore = true;
                return;
            case PipelineStep.UseAuthentication:
                authenticationBefore = true;
                return;
        }

        if (SessionPipeline.MiddlewareType(earlier) is { } middleware)
        {
            middlewareBefore.Add(middleware);
            return;
        }

        inlineBefore.AddRange(Lambdas(earlier).Select(l => (l.Syntax.SyntaxTree, l.Syntax.Span)));

        // A pipeline extension in source: what it registers counts as registered here.
        var declaration = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (depth < 2 && declaration is not null && model.SemanticModelFor(declaration.SyntaxTree).GetOperation(declaration) is { } body)
        {
            foreach (var inner in body.Descendants().OfType<IInvocationOperation>())
            {
                RecordEarlierMiddleware(model, inner, middlewareBefore, inlineBefore, ref sessionBefore, ref authenticationBefore, depth + 1);
            }
        }
    }

    /// <summary>A call on an <c>IApplicationBuilder</c> (or a type implementing it, such as <c>WebApplication</c>).</summary>
    private static bool IsPipelineCall(IInvocationOperation invocation, WellKnownTypes types) =>
        Symbols.Implements(Symbols.ReceiverType(invocation), types.ApplicationBuilder);

    private static IEnumerable<IAnonymousFunctionOperation> Lambdas(IInvocationOperation invocation) =>
        invocation.Arguments
            .Select(a => OperationFlow.SkipConversions(a.Value))
            .OfType<IDelegateCreationOperation>()
            .Select(d => d.Target)
            .OfType<IAnonymousFunctionOperation>();

    /// <summary>What all the configurations of <c>CookiePolicyOptions</c> agree on; anything conditional or computed is unknown.</summary>
    private sealed class PolicySettings
    {
        private readonly List<int?> _httpOnly = new();
        private readonly List<int?> _secure = new();
        private readonly List<int?> _sameSite = new();

        public bool HttpOnlyAlways => _httpOnly.Count > 0 && _httpOnly.All(v => v == 1);

        public bool SecureAlways => _secure.Count > 0 && _secure.All(v => v == 1);

        public SameSiteLevel? MinimumSameSite =>
            _sameSite.Count > 0 && _sameSite.All(v => v.HasValue) ? (SameSiteLevel)_sameSite.Min(v => v!.Value) : null;

        /// <summary>The policy object comes from somewhere the model cannot see: nothing it sets is known.</summary>
        public void MarkUnknown()
        {
            _httpOnly.Add(null);
            _secure.Add(null);
            _sameSite.Add(null);
        }

        public void Read(ISimpleAssignmentOperation assignment, bool conditional)
        {
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
            {
                return;
            }

            var value = conditional ? null : OperationFlow.SkipConversions(assignment.Value).ConstantValue.Value as int?;
            switch (property.Name)
            {
                case "HttpOnly":
                    _httpOnly.Add(value);
                    break;
                case "Secure":
                    _secure.Add(value);
                    break;
                case "MinimumSameSitePolicy":
                    _sameSite.Add(value);
                    break;
            }
        }
    }
}
