using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Session;

/// <summary>
/// Answers "does this method clear the session?" for STATE003: an <c>ISession.Clear()</c> anywhere in the method's
/// body (nested lambdas and local functions included), or in a method in source that it calls, up to
/// <see cref="HelperDepth"/> calls deep. Removing single keys is not clearing. Each lambda is a method of its own. Before a
/// sign-in (STATE008), the runtime companion's <c>HttpContext.RenewSessionAsync()</c> counts as clearing too.
/// </summary>
internal sealed class SessionClearing
{
    /// <summary>How many calls deep a Clear() in a helper still counts (a helper, and a helper's helper).</summary>
    public const int HelperDepth = 2;

    private readonly CompilationModel _model;
    private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth, bool RenewalCounts), bool> _helpers = new();

    public SessionClearing(CompilationModel model)
    {
        _model = model;
    }

    /// <summary>
    /// The body that is "the method" of an operation: the innermost lambda, else the member. A local function belongs
    /// to its member: it runs when the member calls it, so a Clear() in the member counts for it, and the other way round.
    /// </summary>
    public static IOperation MethodOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                return lambda.Body;
            }
        }

        return OperationFlow.Root(operation);
    }

    /// <summary>The member whose body <paramref name="operation"/> is in, when it is not inside a lambda or local function.</summary>
    public static IMethodSymbol? MemberOf(IOperation operation)
    {
        if (MethodOf(operation).Parent is not null)
        {
            return null;
        }

        return operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) is IMethodSymbol { MethodKind: not MethodKind.LocalFunction } member
            ? member
            : null;
    }

    /// <summary>Whether the method whose body this is clears the session, itself or through helpers in source.</summary>
    public bool Clears(IOperation body) => Clears(body, HelperDepth, renewalCounts: false);

    /// <summary>
    /// Whether the method clears the session before <paramref name="at"/> (STATE008: before the sign-in): a
    /// <c>Clear()</c> or a <c>RenewSessionAsync()</c> of the runtime companion written earlier in the body, or in a helper in
    /// source that an earlier call reaches.
    /// </summary>
    public bool ClearsBefore(IOperation body, IOperation at)
    {
        foreach (var invocation in body.DescendantsAndSelf().OfType<IInvocationOperation>())
        {
            if (!OperationFlow.IsBefore(invocation, at))
            {
                continue;
            }

            var target = invocation.TargetMethod.OriginalDefinition;
            target = target.PartialImplementationPart ?? target;
            if (IsSessionClear(invocation.TargetMethod) || IsSessionRenewal(invocation.TargetMethod) ||
                (_model.IsInSource(target) && HelperClears(target, HelperDepth - 1, renewalCounts: true)))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsSessionClear(IMethodSymbol method)
    {
        return method.Name == "Clear" && method.Parameters.IsEmpty && Symbols.Implements(method.ContainingType, _model.Types.Session);
    }

    /// <summary><c>StateGuardHttpContextExtensions.RenewSessionAsync(HttpContext)</c> of the runtime companion, bound by its type.</summary>
    public bool IsSessionRenewal(IMethodSymbol method) =>
        method.Name == "RenewSessionAsync" && _model.Types.SessionRenewalExtensions is { } extensions &&
        SymbolEqualityComparer.Default.Equals(method.ContainingType, extensions);

    private bool Clears(IOperation body, int depth, bool renewalCounts)
    {
        var invocations = body.DescendantsAndSelf().OfType<IInvocationOperation>().ToList();
        if (invocations.Any(i => IsSessionClear(i.TargetMethod) || (renewalCounts && IsSessionRenewal(i.TargetMethod))))
        {
            return true;
        }

        if (depth == 0)
        {
            return false;
        }

        foreach (var invocation in invocations)
        {
            var target = invocation.TargetMethod.OriginalDefinition;
            target = target.PartialImplementationPart ?? target;
            if (_model.IsInSource(target) && HelperClears(target, depth - 1, renewalCounts))
            {
                return true;
            }
        }

        return false;
    }

    private bool HelperClears(IMethodSymbol method, int depth, bool renewalCounts) =>
        _helpers.GetOrAdd((method, depth, renewalCounts), key => BodyOf(key.Method) is { } body && Clears(body, key.Depth, key.RenewalCounts));

    private IOperation? BodyOf(IMethodSymbol method)
    {
        var syntax = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        return syntax is null ? null : _model.SemanticModelFor(syntax.SyntaxTree).GetOperation(syntax);
    }
}
