using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.Internal;

/// <summary>
/// The compile-time value of an expression, following locals: a <c>const</c>, or a local whose one reaching write
/// (see <see cref="LocalValue"/>) is itself a constant (<c>bool v = false; o.Secure = v;</c> is false).
/// </summary>
internal static class ConstantFolding
{
    private const int MaxDepth = 4;

    public static Optional<object?> ValueOf(IOperation operation) => ValueOf(operation, 0);

    private static Optional<object?> ValueOf(IOperation operation, int depth)
    {
        var current = OperationFlow.SkipConversions(operation);
        if (current.ConstantValue.HasValue)
        {
            return current.ConstantValue;
        }

        return depth < MaxDepth
            && current is ILocalReferenceOperation reference
            && LocalValue.At(reference.Local, reference) is { Value: { } value }
                ? ValueOf(value, depth + 1)
                : default;
    }
}
