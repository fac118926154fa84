using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// A cookie write whose call did not bind (a missing type in one argument, code being typed): the compiler names the
/// overloads it tried. When every one of them is the same cookie API (<c>IResponseCookies.Append</c>, or the header
/// dictionary's Append / Add / TryAdd on response headers naming Set-Cookie), the write is judged from the arguments
/// that did bind. A candidate set that mixes in any other method is not a cookie write.
/// </summary>
internal readonly struct UnboundCookieWrite
{
    private UnboundCookieWrite(bool isCookieAppend, IOperation? receiver, ImmutableArray<IOperation?> arguments, ImmutableArray<string?> names)
    {
        IsCookieAppend = isCookieAppend;
        Receiver = receiver;
        Arguments = arguments;
        Names = names;
    }

    /// <summary>True for <c>IResponseCookies.Append</c>, false for a header dictionary write.</summary>
    public bool IsCookieAppend { get; }

    /// <summary>What the call is made on, when it bound.</summary>
    public IOperation? Receiver { get; }

    /// <summary>The arguments in the order written (null where one did not bind to anything).</summary>
    public ImmutableArray<IOperation?> Arguments { get; }

    /// <summary>The argument names written (<c>options:</c>), null for positional ones.</summary>
    public ImmutableArray<string?> Names { get; }

    public static UnboundCookieWrite? Read(IInvalidOperation invalid, WellKnownTypes types)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
            || invalid.SemanticModel is not { } semanticModel)
        {
            return null;
        }

        var info = semanticModel.GetSymbolInfo(invocation);
        var candidates = info.CandidateSymbols;
        if (info.Symbol is not null || candidates.IsDefaultOrEmpty || !candidates.All(c => c is IMethodSymbol))
        {
            return null;
        }

        bool isCookieAppend;
        if (candidates.All(c => c.Name == CookieWriteRecognizer.AppendName && Symbols.Is(c.ContainingType, types.ResponseCookies)))
        {
            isCookieAppend = true;
        }
        else if (candidates.All(c => IsHeaderWrite((IMethodSymbol)c, types)))
        {
            isCookieAppend = false;
        }
        else
        {
            return null;
        }

        var children = invalid.ChildOperations.ToList();
        var receiver = children.FirstOrDefault(c => c.Syntax == access.Expression);
        var arguments = invocation.ArgumentList.Arguments;
        return new UnboundCookieWrite(
            isCookieAppend,
            receiver,
            arguments.Select(a => (IOperation?)children.FirstOrDefault(c => c.Syntax == a.Expression)).ToImmutableArray(),
            arguments.Select(a => a.NameColon?.Name.Identifier.ValueText).ToImmutableArray());
    }

    /// <summary>The argument written with <paramref name="name"/>, or else the one at <paramref name="position"/> when no argument is named.</summary>
    public IOperation? Argument(string name, int position)
    {
        var named = Names.IndexOf(name);
        if (named >= 0)
        {
            return Arguments[named];
        }

        return Names.All(n => n is null) && position < Arguments.Length ? Arguments[position] : null;
    }

    private static bool IsHeaderWrite(IMethodSymbol method, WellKnownTypes types)
    {
        if (method.Name is not (CookieWriteRecognizer.AppendName or "Add" or "TryAdd") || types.HeaderDictionary is not { } headers)
        {
            return false;
        }

        return Symbols.Is(method.ContainingType, types.HeaderDictionaryExtensions)
            || Symbols.Is(method.ContainingType, headers)
            || headers.AllInterfaces.Contains(method.ContainingType, SymbolEqualityComparer.Default);
    }
}
