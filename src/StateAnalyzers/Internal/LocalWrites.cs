using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.Internal;

/// <summary>
/// Every write of a local in its method: a declaration with an initializer, an assignment, an element of a
/// deconstruction (declared or assigned), and writes whose value cannot be read (compound assignments, increments,
/// <c>ref</c> and <c>out</c> arguments, a deconstruction of a value that is not a tuple literal).
/// </summary>
internal static class LocalWrites
{
    /// <summary>One write: <see cref="Operation"/> runs it; <see cref="Value"/> is what it stores, null when unreadable.</summary>
    internal readonly struct Write
    {
        public Write(IOperation operation, IOperation? value)
        {
            Operation = operation;
            Value = value;
        }

        public IOperation Operation { get; }

        public IOperation? Value { get; }
    }

    public static List<Write> Of(ILocalSymbol local, IOperation root)
    {
        var writes = new List<Write>();
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when declarator.Initializer is { } initializer && Is(declarator.Symbol, local):
                    writes.Add(new Write(declarator, initializer.Value));
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when Is(target.Local, local):
                    writes.Add(new Write(assignment, assignment.Value));
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound when Is(target.Local, local):
                    writes.Add(new Write(compound, null));
                    break;
                case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation target } coalesce when Is(target.Local, local):
                    writes.Add(new Write(coalesce, null));
                    break;
                case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } increment when Is(target.Local, local):
                    writes.Add(new Write(increment, null));
                    break;
                case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument when OperationFlow.SkipDeclaration(argument.Value) is ILocalReferenceOperation passed && Is(passed.Local, local):
                    writes.Add(new Write(argument, null));
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    Deconstruct(deconstruction, OperationFlow.SkipDeclaration(deconstruction.Target), deconstruction.Value, local, writes);
                    break;
            }
        }

        return writes;
    }

    /// <summary>The pairs of a deconstruction: each target element with the element of a tuple literal it receives, or null.</summary>
    public static IEnumerable<(IOperation Target, IOperation? Value)> Pairs(IDeconstructionAssignmentOperation deconstruction) =>
        Pairs(OperationFlow.SkipDeclaration(deconstruction.Target), deconstruction.Value);

    private static IEnumerable<(IOperation Target, IOperation? Value)> Pairs(IOperation target, IOperation? value)
    {
        var tupleValue = value is null ? null : OperationFlow.SkipConversions(value) as ITupleOperation;
        if (OperationFlow.SkipDeclaration(target) is not ITupleOperation tuple)
        {
            yield return (target, value);
            yield break;
        }

        var matches = tupleValue is not null && tupleValue.Elements.Length == tuple.Elements.Length;
        for (var i = 0; i < tuple.Elements.Length; i++)
        {
            foreach (var pair in Pairs(tuple.Elements[i], matches ? tupleValue!.Elements[i] : null))
            {
                yield return pair;
            }
        }
    }

    private static void Deconstruct(IDeconstructionAssignmentOperation deconstruction, IOperation target, IOperation value, ILocalSymbol local, List<Write> writes)
    {
        foreach (var (element, elementValue) in Pairs(target, value))
        {
            if (OperationFlow.SkipDeclaration(element) is ILocalReferenceOperation reference && Is(reference.Local, local))
            {
                writes.Add(new Write(deconstruction, elementValue));
            }
        }
    }

    private static bool Is(ISymbol? symbol, ILocalSymbol local) => SymbolEqualityComparer.Default.Equals(symbol, local);
}
