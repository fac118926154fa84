using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Values;

/// <summary>How many elements a LINQ chain can yield when it is capped by <c>Take(n)</c>, and what a sequence's elements are.</summary>
internal static class LinqChain
{
    private const int MaxDepth = 8;

    /// <summary>Operators that never yield more elements than their source: a cap anywhere below them still holds.</summary>
    private static readonly string[] CountPreserving =
    {
        "Select", "Where", "Distinct", "DistinctBy", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Reverse",
        "Skip", "SkipLast", "SkipWhile", "TakeWhile", "ToList", "ToArray", "AsEnumerable", "Cast", "OfType",
    };

    /// <summary>The most elements <paramref name="sequence"/> can hold, when a constant <c>Take(n)</c> caps it; null otherwise.</summary>
    public static int? TakenAtMost(IOperation sequence) => TakenAtMost(sequence, 0);

    /// <summary>The element type of an array or an <c>IEnumerable&lt;T&gt;</c>.</summary>
    public static ITypeSymbol? ElementType(ITypeSymbol? type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Collections_Generic_IEnumerable_T } enumerable)
        {
            return enumerable.TypeArguments[0];
        }

        return type?.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)?.TypeArguments[0];
    }

    private static int? TakenAtMost(IOperation sequence, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        var operation = OperationFlow.SkipConversions(sequence);
        if (operation is ILocalReferenceOperation local)
        {
            var sources = ValueFlow.SourcesOf(local.Local, operation).ToList();
            int? most = null;
            foreach (var assigned in sources)
            {
                if (TakenAtMost(assigned, depth + 1) is not { } count)
                {
                    return null;
                }

                most = most is null ? count : System.Math.Max(most.Value, count);
            }

            return most;
        }

        if (operation is not IInvocationOperation { TargetMethod: { } method } invocation
            || !QualifiedNames.Is(method.ContainingType, "System.Linq.Enumerable")
            || invocation.Arguments.FirstOrDefault()?.Value is not { } source)
        {
            return null;
        }

        var below = CountPreserving.Contains(method.Name) ? TakenAtMost(source, depth + 1) : null;
        if (method.Name == "Take" && invocation.Arguments.Length == 2 && invocation.Arguments[1].Value.ConstantValue.Value is int taken)
        {
            var cap = System.Math.Max(taken, 0);
            return TakenAtMost(source, depth + 1) is { } inner ? System.Math.Min(cap, inner) : cap;
        }

        return below;
    }
}
