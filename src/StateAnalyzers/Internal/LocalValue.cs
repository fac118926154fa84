using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.Internal;

/// <summary>
/// The value a local holds at one point of its method, when a single write decides it: the last write before the
/// point that always runs first, with no later write that may run in between (inside a branch, a loop, a try, a
/// lambda, or on the next turn of a loop around the point). Anything else is unknown (null), never guessed.
/// </summary>
internal readonly struct LocalValue
{
    private LocalValue(IOperation value, IOperation writtenBy)
    {
        Value = value;
        WrittenBy = writtenBy;
    }

    /// <summary>The value stored (the initializer, the assigned expression, the tuple element).</summary>
    public IOperation Value { get; }

    /// <summary>The declaration, assignment or deconstruction that stores it.</summary>
    public IOperation WrittenBy { get; }

    public static LocalValue? At(ILocalSymbol local, IOperation at)
    {
        var writes = LocalWrites.Of(local, OperationFlow.Root(at));
        if (writes.Count == 0)
        {
            return null;
        }

        var function = OperationFlow.EnclosingFunction(at);
        if (writes.Any(w => OperationFlow.EnclosingFunction(w.Operation) != function)
            && !(writes.Count == 1 && writes[0].Operation is IVariableDeclaratorOperation))
        {
            // Written in another function than the one reading it (a lambda, a local function, or the reverse):
            // the order of the two is not visible here.
            return null;
        }

        LocalWrites.Write? reaching = null;
        foreach (var write in writes.Where(w => OperationFlow.IsBefore(w.Operation, at)).OrderBy(w => w.Operation.Syntax.SpanStart))
        {
            switch (OperationFlow.ReachBefore(write.Operation, at))
            {
                case OperationFlow.Reach.Always:
                    reaching = write;
                    break;
                case OperationFlow.Reach.Maybe:
                    reaching = null;
                    break;
            }
        }

        if (reaching is not { Value: { } value } found)
        {
            return null;
        }

        foreach (var write in writes)
        {
            if (!OperationFlow.IsBefore(write.Operation, at) && OperationFlow.MayRunBeforeOnNextTurn(write.Operation, at, found.Operation))
            {
                return null;
            }
        }

        return new LocalValue(value, found.Operation);
    }
}
