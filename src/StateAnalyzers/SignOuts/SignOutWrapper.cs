using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Internal;
using StateAnalyzers.Session;

namespace StateAnalyzers.SignOuts;

/// <summary>
/// A small method in source whose body is a sign-out and nothing else
/// (<c>Task LogoutAsync() =&gt; _signInManager.SignOutAsync();</c>). STATE003 reports such a sign-out where the wrapper
/// is called, since that is where the logout happens and where the session can be cleared. A larger method that
/// signs out is itself the place to report.
/// </summary>
internal sealed class SignOutWrapper
{
    private SignOutWrapper(IMethodSymbol method, SignOut signOut)
    {
        Method = method;
        SignOut = signOut;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The sign-out inside the wrapper.</summary>
    public SignOut SignOut { get; }

    /// <summary>The wrapper around a sign-out, when the sign-out's method is one.</summary>
    public static SignOutWrapper? For(SignOut signOut) =>
        WrappingMethod(signOut.Operation) is { } method ? new SignOutWrapper(method, signOut) : null;

    /// <summary>
    /// Whether <paramref name="node"/> may be the whole body of a wrapper, on syntax alone: it sits in a method
    /// declaration whose body is an expression or a single statement. A superset of <see cref="WrappingMethod"/>'s
    /// shape, so the project-wide walks bind only the sign-outs (and sign-ins) that can make a wrapper.
    /// </summary>
    public static bool MayWrap(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (current is MethodDeclarationSyntax method)
            {
                return method.ExpressionBody is not null || method.Body is { Statements.Count: 1 };
            }

            if (current is MemberDeclarationSyntax)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The ordinary method in source whose whole body is <paramref name="operation"/> (returned or as its one statement,
    /// awaited or not): the shape of a wrapper, for sign-outs and sign-ins alike.
    /// </summary>
    public static IMethodSymbol? WrappingMethod(IOperation operation)
    {
        if (SessionClearing.MemberOf(operation) is not { MethodKind: MethodKind.Ordinary, IsAbstract: false } method
            || method.IsImplicitlyDeclared
            || OperationFlow.Root(operation) is not IMethodBodyOperation body
            || (body.BlockBody ?? body.ExpressionBody) is not { } block
            || block.Operations.Length != 1)
        {
            return null;
        }

        var only = block.Operations[0] switch
        {
            IReturnOperation { ReturnedValue: { } value } => value,
            IExpressionStatementOperation statement => statement.Operation,
            _ => null,
        };
        return only is not null && Unwrap(only) == operation ? method.OriginalDefinition : null;
    }

    /// <summary>Whether the sign-out is a logout for this call: a scheme parameter is judged by the call's argument.</summary>
    public bool IsLogoutAt(IInvocationOperation call, SignOutRecognizer recognizer) =>
        recognizer.IsLogout(SignOut, scheme => ValueAtCall(scheme, Method, call));

    /// <summary>
    /// A value inside a wrapper as one call of it sees it: a parameter of the wrapper is that call's argument, anything
    /// else is itself. For sign-outs and sign-ins alike.
    /// </summary>
    public static IOperation? ValueAtCall(IOperation value, IMethodSymbol wrapper, IInvocationOperation call) =>
        OperationFlow.SkipConversions(value) is IParameterReferenceOperation parameter
        && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol?.OriginalDefinition, wrapper)
            ? Symbols.Argument(call, parameter.Parameter.Ordinal)
            : value;

    /// <summary><c>await x.SignOutAsync().ConfigureAwait(false)</c> is the sign-out itself.</summary>
    private static IOperation Unwrap(IOperation operation)
    {
        var current = OperationFlow.SkipConversions(operation);
        while (true)
        {
            switch (current)
            {
                case IAwaitOperation awaited:
                    current = OperationFlow.SkipConversions(awaited.Operation);
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ConfigureAwait", Instance: { } instance }:
                    current = OperationFlow.SkipConversions(instance);
                    continue;
                default:
                    return current;
            }
        }
    }
}
