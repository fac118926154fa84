using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace StateAnalyzers.Internal;

/// <summary>
/// The arithmetic of a <c>TimeSpan</c> spelled in parts: <c>new TimeSpan(days, hours, ...)</c> and every
/// <c>TimeSpan.From*</c> factory (the .NET 9 multi-part overloads included) count each argument in the unit its
/// parameter names; past the range of a TimeSpan the result is <see cref="TimeSpan.MaxValue"/> or
/// <see cref="TimeSpan.MinValue"/> (the runtime would throw; to a rule it is forever).
/// </summary>
internal static class TimeSpanParts
{
    /// <summary>The arguments added up; a parameter named <c>value</c> counts in <paramref name="factoryUnit"/>. Null when one is not a constant.</summary>
    public static TimeSpan? Sum(ImmutableArray<IArgumentOperation> arguments, TimeSpan? factoryUnit)
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
            total = part > TimeSpan.Zero && total > TimeSpan.MaxValue - part ? TimeSpan.MaxValue
                : part < TimeSpan.Zero && total < TimeSpan.MinValue - part ? TimeSpan.MinValue
                : total + part;
        }

        return total;
    }

    /// <summary>The unit a factory (<c>FromDays</c> without its prefix) or a constructor parameter counts in, by name.</summary>
    public static TimeSpan? UnitOf(string name) => name.ToLowerInvariant() switch
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
    /// The unit of <c>AddDays</c> and its kin on a <c>DateTime</c> / <c>DateTimeOffset</c>. Years and months count at their
    /// shortest (365 and 28 days), so a lifetime is never judged longer than it is.
    /// </summary>
    public static TimeSpan? AddedUnit(string name) => name switch
    {
        "AddYears" => TimeSpan.FromDays(365),
        "AddMonths" => TimeSpan.FromDays(28),
        "AddDays" => TimeSpan.FromDays(1),
        "AddHours" => TimeSpan.FromHours(1),
        "AddMinutes" => TimeSpan.FromMinutes(1),
        "AddSeconds" => TimeSpan.FromSeconds(1),
        "AddMilliseconds" => TimeSpan.FromMilliseconds(1),
        "AddTicks" => TimeSpan.FromTicks(1),
        _ => null,
    };

    /// <summary>A numeric constant, through constant locals.</summary>
    public static double? Number(IOperation value) =>
        ConstantFolding.ValueOf(value) is { HasValue: true, Value: { } number } && number is not string and not bool and not char
            ? Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary><paramref name="count"/> units, saturated at the range of a TimeSpan.</summary>
    public static TimeSpan Scale(double count, TimeSpan unit)
    {
        var ticks = count * unit.Ticks;
        return ticks >= TimeSpan.MaxValue.Ticks ? TimeSpan.MaxValue
            : ticks <= TimeSpan.MinValue.Ticks ? TimeSpan.MinValue
            : TimeSpan.FromTicks((long)ticks);
    }
}
