using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.Internal;

/// <summary>Small questions about control flow inside one method, answered on the operation tree.</summary>
internal static class OperationFlow
{
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    public static IOperation SkipConversions(IOperation operation)
    {
        var current = operation;
        while (current is IConversionOperation conversion)
        {
            current = conversion.Operand;
        }

        return current;
    }

    /// <summary><c>var x</c> or <c>var (a, b)</c> as the thing it declares.</summary>
    public static IOperation SkipDeclaration(IOperation operation) =>
        operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation;

    /// <summary>The method, lambda or local function whose body holds <paramref name="operation"/> (null for the root).</summary>
    public static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="ancestor"/> is <paramref name="operation"/> or holds it.</summary>
    public static bool Contains(IOperation ancestor, IOperation operation)
    {
        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="later"/>, written after <paramref name="at"/>, may still run before it: it sits in a
    /// loop around <paramref name="at"/> that does not also run <paramref name="reset"/> (the write that gives the
    /// value its start again on every turn).
    /// </summary>
    public static bool MayRunBeforeOnNextTurn(IOperation later, IOperation at, IOperation? reset)
    {
        for (var current = later.Parent; current is not null; current = current.Parent)
        {
            if (current is ILoopOperation loop && Contains(loop, at) && (reset is null || !Contains(loop, reset)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="earlier"/> is written before <paramref name="write"/> (and not inside it).</summary>
    public static bool IsBefore(IOperation earlier, IOperation write) =>
        earlier.Syntax.SyntaxTree == write.Syntax.SyntaxTree
        && earlier.Syntax.Span.End <= write.Syntax.SpanStart;

    /// <summary>
    /// How <paramref name="candidate"/> relates to <paramref name="write"/>: it always runs first, it may or may
    /// not run first (inside an if, loop, lambda, ...), or it sits in another branch of a choice and never runs first.
    /// </summary>
    public static Reach ReachBefore(IOperation candidate, IOperation write)
    {
        var writeAncestors = new HashSet<IOperation>();
        for (var current = write; current is not null; current = current.Parent)
        {
            writeAncestors.Add(current);
        }

        var conditional = false;
        for (var current = candidate.Parent; current is not null; current = current.Parent)
        {
            if (writeAncestors.Contains(current))
            {
                if (current is IConditionalOperation or ISwitchOperation or ISwitchExpressionOperation or ICoalesceOperation)
                {
                    return Reach.Never;
                }

                return conditional ? Reach.Maybe : Reach.Always;
            }

            if (IsConditional(current))
            {
                conditional = true;
            }
        }

        return Reach.Maybe;
    }

    /// <summary>Whether something between <paramref name="operation"/> and <paramref name="container"/> makes it run only sometimes.</summary>
    public static bool IsConditionalWithin(IOperation operation, IOperation container)
    {
        for (var current = operation.Parent; current is not null && current != container; current = current.Parent)
        {
            if (IsConditional(current))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConditional(IOperation operation) =>
        IsTryBodyWithCatch(operation) || operation is IConditionalOperation
            or ILoopOperation
            or ISwitchOperation
            or ISwitchExpressionOperation
            or ISwitchCaseOperation
            or ICoalesceOperation
            or IConditionalAccessOperation
            or IAnonymousFunctionOperation
            or ILocalFunctionOperation
            or ICatchClauseOperation
            or IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr };

    /// <summary>A try block whose exceptions are caught: what follows the try may run although the block stopped halfway.</summary>
    private static bool IsTryBodyWithCatch(IOperation operation) =>
        operation.Parent is ITryOperation { Catches.Length: > 0 } tryOperation && tryOperation.Body == operation;

    public enum Reach
    {
        Always,
        Maybe,
        Never,
    }
}
