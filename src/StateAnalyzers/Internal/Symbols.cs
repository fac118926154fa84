using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.Internal;

/// <summary>The symbol checks every recognizer needs, written once.</summary>
internal static class Symbols
{
    /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/>, any construction of a generic type included.</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

    /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/> or implements it (an interface).</summary>
    public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null
        && (Is(type, expected) || type.AllInterfaces.Contains(expected, SymbolEqualityComparer.Default));

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a call is made on: the <c>this</c> argument of an extension method, or the instance.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation) =>
        invocation.TargetMethod.IsExtensionMethod ? invocation.Arguments.FirstOrDefault()?.Value : invocation.Instance;

    /// <summary>The type of <see cref="Receiver"/>, conversions skipped.</summary>
    public static ITypeSymbol? ReceiverType(IInvocationOperation invocation) =>
        Receiver(invocation) is { } receiver ? OperationFlow.SkipConversions(receiver).Type : null;

    /// <summary>The argument bound to the parameter at <paramref name="ordinal"/>, wherever the caller wrote it.</summary>
    public static IOperation? Argument(IInvocationOperation invocation, int ordinal) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == ordinal)?.Value;
}
