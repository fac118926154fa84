using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies.Attributes;

/// <summary>
/// Folds the times a cookie's lifetime is written with: <c>DateTime</c> / <c>DateTimeOffset</c> constants
/// (<c>new DateTime(2000, 1, 1)</c>, <c>UnixEpoch</c>, <c>MinValue</c>, <c>MaxValue</c>), now plus or minus a constant
/// (<c>DateTimeOffset.UtcNow.AddDays(-1)</c>, <c>DateTime.Now - TimeSpan.FromHours(1)</c>), and <c>TimeSpan</c> constants
/// (<c>TimeSpan.Zero</c>, <c>FromDays(30)</c> and every <c>From*</c> factory, <c>new TimeSpan(1, 0, 0)</c>, sums and
/// negations, constant locals). Anything else is null: unknown.
/// </summary>
internal static class CookieTimeReader
{
    private const int MaxDepth = 8;

    /// <summary>An <c>Expires</c> value: null or default is not set.</summary>
    public static CookieExpiry? Expiry(IOperation value)
    {
        var operation = OperationFlow.SkipConversions(value);
        if (operation.ConstantValue is { HasValue: true, Value: null } || operation is IDefaultValueOperation { Type.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
        {
            return CookieExpiry.NotSet;
        }

        return Guarded(() => Instant(operation, 0));
    }

    /// <summary>A <c>MaxAge</c> or <c>Expiration</c> value: null is not set, a span is that long after the write.</summary>
    public static CookieExpiry? Duration(IOperation value)
    {
        var operation = OperationFlow.SkipConversions(value);
        if (operation.ConstantValue is { HasValue: true, Value: null } || operation is IDefaultValueOperation { Type.OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
        {
            return CookieExpiry.NotSet;
        }

        return Guarded<CookieExpiry>(() => Span(operation, 0) is { } span ? CookieExpiry.After(span) : null);
    }

    /// <summary>A <c>TimeSpan</c> constant, for the rules that compare lifetimes.</summary>
    public static TimeSpan? TimeSpanOf(IOperation value) => Guarded(() => Span(OperationFlow.SkipConversions(value), 0));

    private static T? Guarded<T>(Func<T?> fold)
        where T : struct
    {
        try
        {
            return fold();
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static CookieExpiry? Instant(IOperation operation, int depth)
    {
        operation = OperationFlow.SkipConversions(operation);
        if (depth > MaxDepth || !IsTime(operation.Type))
        {
            return null;
        }

        switch (operation)
        {
            case IObjectCreationOperation creation:
                return Created(creation);
            case IPropertyReferenceOperation { Instance: null } property when IsTime(property.Property.ContainingType):
                return StaticTime(property.Property.Name);
            case IFieldReferenceOperation { Instance: null } field when IsTime(field.Field.ContainingType):
                return StaticTime(field.Field.Name);
            case IInvocationOperation { Instance: { } instance } invocation when Instant(instance, depth + 1) is { } start:
                return Shifted(start, invocation, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary
                when IsTime(binary.LeftOperand.Type) && Instant(binary.LeftOperand, depth + 1) is { } left && Span(OperationFlow.SkipConversions(binary.RightOperand), depth + 1) is { } right:
                return Plus(left, binary.OperatorKind == BinaryOperatorKind.Add ? right : right.Negate());
            case ILocalReferenceOperation local when LocalValue.At(local.Local, local) is { } held:
                return Instant(held.Value, depth + 1);
            default:
                return null;
        }
    }

    private static CookieExpiry? Created(IObjectCreationOperation creation)
    {
        var arguments = creation.Arguments.Select(a => ConstantFolding.ValueOf(a.Value)).ToList();
        if (creation.Type?.SpecialType == SpecialType.System_DateTime)
        {
            if (arguments.Count >= 3 && arguments.Take(Math.Min(arguments.Count, 7)).All(a => a.HasValue && a.Value is int))
            {
                var parts = arguments.Take(6).Select(a => (int)a.Value!).Concat(new[] { 0, 0, 0 }).ToArray();
                return CookieExpiry.Fixed(new DateTimeOffset(new DateTime(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], DateTimeKind.Utc)));
            }

            return arguments.Count == 1 && arguments[0].Value is long ticks ? CookieExpiry.Fixed(new DateTimeOffset(new DateTime(ticks, DateTimeKind.Utc))) : null;
        }

        // new DateTimeOffset(year, month, day, hour, minute, second, offset), or (dateTime), or (dateTime, offset).
        if (creation.Arguments.Length >= 6 && arguments.Take(6).All(a => a.HasValue && a.Value is int))
        {
            var parts = arguments.Take(6).Select(a => (int)a.Value!).ToArray();
            return CookieExpiry.Fixed(new DateTimeOffset(new DateTime(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], DateTimeKind.Utc)));
        }

        return creation.Arguments.Length is 1 or 2 && Instant(creation.Arguments[0].Value, 1) is { } inner ? inner : null;
    }

    private static CookieExpiry? StaticTime(string name) => name switch
    {
        "Now" or "UtcNow" or "Today" or "UtcToday" => CookieExpiry.After(TimeSpan.Zero),
        "MinValue" => CookieExpiry.Fixed(DateTimeOffset.MinValue),
        "MaxValue" => CookieExpiry.Fixed(DateTimeOffset.MaxValue),
        "UnixEpoch" => CookieExpiry.Fixed(new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero)),
        _ => null,
    };

    private static CookieExpiry? Shifted(CookieExpiry start, IInvocationOperation invocation, int depth)
    {
        if (invocation.Arguments.Length != 1)
        {
            return null;
        }

        var argument = invocation.Arguments[0].Value;
        TimeSpan? shift = invocation.TargetMethod.Name switch
        {
            "Add" => Span(OperationFlow.SkipConversions(argument), depth + 1),
            "Subtract" when IsSpan(argument.Type) => Span(OperationFlow.SkipConversions(argument), depth + 1)?.Negate(),
            var name => TimeSpanParts.AddedUnit(name) is { } unit && TimeSpanParts.Number(argument) is { } count ? TimeSpanParts.Scale(count, unit) : null,
        };
        return shift is { } by ? Plus(start, by) : null;
    }

    private static CookieExpiry Plus(CookieExpiry start, TimeSpan by) =>
        start.At is { } at ? CookieExpiry.Fixed(Clamp(at, by)) : CookieExpiry.After(start.FromNow + by);

    private static DateTimeOffset Clamp(DateTimeOffset at, TimeSpan by)
    {
        if (by > TimeSpan.Zero && DateTimeOffset.MaxValue - at < by)
        {
            return DateTimeOffset.MaxValue;
        }

        return by < TimeSpan.Zero && at - DateTimeOffset.MinValue < by.Negate() ? DateTimeOffset.MinValue : at + by;
    }

    private static TimeSpan? Span(IOperation operation, int depth)
    {
        operation = OperationFlow.SkipConversions(operation);
        if (depth > MaxDepth || !IsSpan(operation.Type))
        {
            return null;
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Instance: null } property when IsSpan(property.Property.ContainingType):
                return SpanField(property.Property.Name);
            case IFieldReferenceOperation { Instance: null } field when IsSpan(field.Field.ContainingType):
                return SpanField(field.Field.Name);
            case IObjectCreationOperation creation when IsSpan(creation.Type):
                return creation.Arguments.IsEmpty ? TimeSpan.Zero : TimeSpanParts.Sum(creation.Arguments, null);
            case IInvocationOperation { Instance: null, TargetMethod: { Name: var factory } method } invocation
                when IsSpan(method.ContainingType) && factory.StartsWith("From", StringComparison.Ordinal):
                return TimeSpanParts.Sum(invocation.Arguments, TimeSpanParts.UnitOf(factory.Substring("From".Length)));
            case IInvocationOperation { Instance: { } instance, TargetMethod.Name: "Negate" } when Span(instance, depth + 1) is { } negated:
                return negated.Negate();
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus } minus when Span(minus.Operand, depth + 1) is { } operand:
                return operand.Negate();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } binary
                when Span(binary.LeftOperand, depth + 1) is { } left && Span(binary.RightOperand, depth + 1) is { } right:
                return binary.OperatorKind == BinaryOperatorKind.Add ? left + right : left - right;
            case ILocalReferenceOperation local when LocalValue.At(local.Local, local) is { } held:
                return Span(held.Value, depth + 1);
            default:
                return null;
        }
    }

    private static TimeSpan? SpanField(string name) => name switch
    {
        "Zero" => TimeSpan.Zero,
        "MinValue" => TimeSpan.MinValue,
        "MaxValue" => TimeSpan.MaxValue,
        _ => null,
    };

    private static bool IsTime(ITypeSymbol? type) =>
        type?.SpecialType == SpecialType.System_DateTime
        || type is { Name: "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool IsSpan(ITypeSymbol? type) =>
        type is { Name: "TimeSpan", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
}
