using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Lifetimes;

/// <summary>
/// Folds the lifetimes the code spells as constants: <c>TimeSpan.FromDays(365)</c> (every <c>From*</c> factory, the
/// .NET 9 multi-part overloads included), <c>new TimeSpan(...)</c>, <c>TimeSpan.MaxValue</c>; and the points in time
/// <c>DateTimeOffset.UtcNow.AddDays(365)</c>, <c>UtcNow + TimeSpan...</c>, <c>DateTimeOffset.MaxValue</c>. Anything
/// else (configuration, a variable, a computation) is unknown: null.
/// </summary>
internal static class LifetimeConstant
{
    private const string DateTimeOffsetType = "System.DateTimeOffset";
    private const string DateTimeType = "System.DateTime";

    /// <summary>The value of a TimeSpan expression, or null when it is not a constant (the cookie attributes' folder).</summary>
    public static TimeSpan? TimeSpanOf(IOperation value) => CookieTimeReader.TimeSpanOf(value);

    /// <summary>
    /// A point in time the code spells as "now plus a constant": the constant part, and the expression that holds it
    /// (what a fix replaces: the whole <c>now.AddDays(n)</c>, or the TimeSpan of <c>now + ts</c>). <c>DateTimeOffset.MaxValue</c> is forever.
    /// </summary>
    public static (TimeSpan Lifetime, IOperation At)? FromNowOf(IOperation value)
    {
        value = OperationFlow.SkipConversions(value);
        switch (value)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true, Name: "MaxValue" } field }
                when QualifiedNames.Is(field.ContainingType, DateTimeOffsetType) || QualifiedNames.Is(field.ContainingType, DateTimeType):
                return (TimeSpan.MaxValue, value);
            case IInvocationOperation { Instance: { } instance, TargetMethod: { IsStatic: false } method } invocation
                when IsNow(instance) && invocation.Arguments.Length == 1:
                if (method.Name == "Add")
                {
                    return TimeSpanOf(invocation.Arguments[0].Value) is { } added ? (added, OperationFlow.SkipConversions(invocation.Arguments[0].Value)) : null;
                }

                return TimeSpanParts.AddedUnit(method.Name) is { } unit && TimeSpanParts.Number(invocation.Arguments[0].Value) is { } count
                    ? (TimeSpanParts.Scale(count, unit), value)
                    : null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } sum when IsNow(sum.LeftOperand):
                return TimeSpanOf(sum.RightOperand) is { } right ? (right, OperationFlow.SkipConversions(sum.RightOperand)) : null;
            default:
                return null;
        }
    }

    /// <summary><c>DateTimeOffset.UtcNow</c>, <c>DateTimeOffset.Now</c>, <c>DateTime.UtcNow</c>, <c>DateTime.Now</c>.</summary>
    private static bool IsNow(IOperation operation) =>
        OperationFlow.SkipConversions(operation) is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "UtcNow" or "Now" } property }
        && (QualifiedNames.Is(property.ContainingType, DateTimeOffsetType) || QualifiedNames.Is(property.ContainingType, DateTimeType));
}
