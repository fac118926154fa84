using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Lifetimes;

/// <summary>
/// The C# that sets a lifetime to the maximum, written the way the code wrote it: a <c>From*</c> factory stays a
/// factory, <c>new TimeSpan(...)</c> stays a constructor, <c>now.AddDays(n)</c> stays an <c>Add*</c> call on the same
/// "now". The unit is the largest in which the maximum is a whole number (30 days is <c>FromDays(30)</c>, not
/// <c>FromHours(720)</c>). The analyzer computes it and hands it to the fix, which only replaces the expression.
/// </summary>
internal static class LifetimeReplacement
{
    private static readonly (string Name, TimeSpan Unit)[] Units =
    {
        ("Days", TimeSpan.FromDays(1)),
        ("Hours", TimeSpan.FromHours(1)),
        ("Minutes", TimeSpan.FromMinutes(1)),
        ("Seconds", TimeSpan.FromSeconds(1)),
    };

    /// <summary>The replacement for <paramref name="setting"/>'s expression, or null when none can be written.</summary>
    public static string? For(LifetimeSetting setting, TimeSpan maximum) => For(setting.Value, setting.FromNow, maximum);

    /// <summary>
    /// The replacement for <paramref name="value"/>, a lifetime (<paramref name="fromNow"/> false: a TimeSpan) or a point in
    /// time "now plus" it, set to <paramref name="maximum"/>; null when none can be written in the code's own way.
    /// </summary>
    public static string? For(IOperation value, bool fromNow, TimeSpan maximum)
    {
        var (unit, count) = Natural(maximum);
        var syntax = value.Syntax;
        switch (OperationFlow.SkipConversions(value))
        {
            case IInvocationOperation { TargetMethod.IsStatic: true } when syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax factory }:
                return factory.Expression + ".From" + unit + "(" + count + ")";
            case IInvocationOperation { Instance: { } now } when fromNow:
                return now.Syntax + ".Add" + unit + "(" + count + ")";
            case IObjectCreationOperation when !fromNow && syntax is BaseObjectCreationExpressionSyntax creation:
                var newed = creation is ObjectCreationExpressionSyntax explicitType ? "new " + explicitType.Type : "new";
                return newed + "(" + ConstructorArguments(maximum) + ")";
            case IFieldReferenceOperation when syntax is MemberAccessExpressionSyntax field && fromNow:
                return field.Expression + ".UtcNow.Add" + unit + "(" + count + ")";
            case IFieldReferenceOperation when syntax is MemberAccessExpressionSyntax field:
                return field.Expression + ".From" + unit + "(" + count + ")";
            default:
                return null;
        }
    }

    /// <summary>The largest unit in which <paramref name="maximum"/> is whole, and the count; milliseconds otherwise.</summary>
    private static (string Unit, string Count) Natural(TimeSpan maximum)
    {
        foreach (var (name, unit) in Units)
        {
            if (maximum.Ticks % unit.Ticks == 0)
            {
                return (name, (maximum.Ticks / unit.Ticks).ToString(CultureInfo.InvariantCulture));
            }
        }

        return ("Milliseconds", maximum.TotalMilliseconds.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary><c>days, hours, minutes, seconds</c>, or the ticks when the maximum has a fraction of a second.</summary>
    private static string ConstructorArguments(TimeSpan maximum) =>
        maximum.Ticks % TimeSpan.TicksPerSecond != 0
            ? maximum.Ticks.ToString(CultureInfo.InvariantCulture) + "L"
            : string.Join(", ", maximum.Days, maximum.Hours, maximum.Minutes, maximum.Seconds);
}
