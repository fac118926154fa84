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
        operation is IConditionalOperation
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

    public enum Reach
    {
        Always,
        Maybe,
        Never,
    }
}
