using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.Internal;

/// <summary>Where a local's value may come from at a given point of its method: every assignment written before it, in any branch.</summary>
internal static class ValueFlow
{
    public static IEnumerable<IOperation> SourcesOf(ILocalSymbol local, IOperation at)
    {
        foreach (var operation in OperationFlow.Root(at).Descendants())
        {
            if (!OperationFlow.IsBefore(operation, at))
            {
                continue;
            }

            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) && declarator.Initializer is { } initializer:
                    yield return initializer.Value;
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local):
                    yield return assignment.Value;
                    break;
            }
        }
    }

    /// <summary>Whether the local is appended to inside a loop before <paramref name="at"/> (<c>s += ...</c> or <c>s = s + ...</c>).</summary>
    public static bool GrowsInLoop(ILocalSymbol local, IOperation at)
    {
        foreach (var operation in OperationFlow.Root(at).Descendants())
        {
            if (operation is IAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                && SymbolEqualityComparer.Default.Equals(target.Local, local)
                && OperationFlow.IsBefore(operation, at)
                && InLoop(operation)
                && (assignment is ICompoundAssignmentOperation || ReadsItself(assignment.Value, local)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InLoop(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsItself(IOperation value, ILocalSymbol local)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                return true;
            }
        }

        return false;
    }
}
