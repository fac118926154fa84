using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
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
    private const string TimeSpanType = "System.TimeSpan";
    private const string DateTimeOffsetType = "System.DateTimeOffset";
    private const string DateTimeType = "System.DateTime";

    /// <summary>The value of a TimeSpan expression, or null when it is not a constant.</summary>
    public static TimeSpan? TimeSpanOf(IOperation value)
    {
        value = OperationFlow.SkipConversions(value);
        switch (value)
        {
            case IFieldReferenceOperation { Field: { IsStatic: true } field } when QualifiedNames.Is(field.ContainingType, TimeSpanType):
                return field.Name switch
                {
                    "MaxValue" => TimeSpan.MaxValue,
                    "Zero" => TimeSpan.Zero,
                    _ => null,
                };
            case IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
                when QualifiedNames.Is(method.ContainingType, TimeSpanType) && method.Name.StartsWith("From", StringComparison.Ordinal):
                return Sum(invocation.Arguments, UnitOf(method.Name.Substring("From".Length)));
            case IObjectCreationOperation creation when QualifiedNames.Is(creation.Type, TimeSpanType):
                return creation.Arguments.IsEmpty ? TimeSpan.Zero : Sum(creation.Arguments, null);
            default:
                return null;
        }
    }

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

                return AddedUnit(method.Name) is { } unit && Number(invocation.Arguments[0].Value) is { } count
                    ? (Scale(count, unit), value)
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

    /// <summary>The unit of <c>AddDays</c> and its kin. Years and months count at their shortest (365 and 28 days).</summary>
    private static TimeSpan? AddedUnit(string name) => name switch
    {
        "AddYears" => TimeSpan.FromDays(365),
        "AddMonths" => TimeSpan.FromDays(28),
        "AddDays" => TimeSpan.FromDays(1),
        "AddHours" => TimeSpan.FromHours(1),
        "AddMinutes" => TimeSpan.FromMinutes(1),
        "AddSeconds" => TimeSpan.FromSeconds(1),
        _ => null,
    };

    /// <summary>The unit a factory or a constructor parameter counts in, by name.</summary>
    private static TimeSpan? UnitOf(string name) => name.ToLowerInvariant() switch
    {
        "days" => TimeSpan.FromDays(1),
        "hours" => TimeSpan.FromHours(1),
        "minutes" => TimeSpan.FromMinutes(1),
        "seconds" => TimeSpan.FromSeconds(1),
        "milliseconds" => TimeSpan.FromMilliseconds(1),
        "microseconds" => TimeSpan.FromTicks(10),
        "ticks" => TimeSpan.FromTicks(1),
        _ => null,
    };

    /// <summary>
    /// The arguments added up, each in the unit its parameter names (<c>new TimeSpan(days, hours, ...)</c>,
    /// <c>FromDays(int days, int hours = 0, ...)</c>); a parameter named <c>value</c> counts in the factory's unit.
    /// </summary>
    private static TimeSpan? Sum(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, TimeSpan? factoryUnit)
    {
        var total = TimeSpan.Zero;
        foreach (var argument in arguments)
        {
            var unit = argument.Parameter is { } parameter ? UnitOf(parameter.Name) ?? (parameter.Name == "value" ? factoryUnit : null) : null;
            if (unit is null || Number(argument.Value) is not { } count)
            {
                return null;
            }

            var part = Scale(count, unit.Value);
            total = TimeSpan.MaxValue - total < part ? TimeSpan.MaxValue : total + part;
        }

        return total;
    }

    private static double? Number(IOperation value) =>
        NumberIn(value.ConstantValue) ?? NumberIn(OperationFlow.SkipConversions(value).ConstantValue);

    private static double? NumberIn(Optional<object?> constant) =>
        constant is { HasValue: true, Value: { } number } && number is not string and not bool and not char
            ? Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary><paramref name="count"/> units; past the range of a TimeSpan it is forever (the runtime would throw).</summary>
    private static TimeSpan Scale(double count, TimeSpan unit)
    {
        var ticks = count * unit.Ticks;
        if (ticks >= TimeSpan.MaxValue.Ticks)
        {
            return TimeSpan.MaxValue;
        }

        return ticks <= TimeSpan.MinValue.Ticks ? TimeSpan.MinValue : TimeSpan.FromTicks((long)ticks);
    }
}
