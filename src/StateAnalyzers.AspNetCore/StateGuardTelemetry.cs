using System.Diagnostics.Metrics;

namespace StateAnalyzers.AspNetCore;

/// <summary>Names of the companion's telemetry: the meter, its counter and the counter's tags.</summary>
public static class StateGuardTelemetry
{
    /// <summary>The <see cref="Meter"/> name.</summary>
    public const string MeterName = "StateAnalyzers.AspNetCore";

    /// <summary>The counter of every action taken, tagged with <see cref="RuleTag"/> and <see cref="ActionTag"/>.</summary>
    public const string ActionsCounterName = "stateguard.actions";

    /// <summary>The tag that carries the rule ID (<c>STATE004</c>).</summary>
    public const string RuleTag = "rule";

    /// <summary>The tag that carries the action (<c>reported</c>, <c>fixed</c>, <c>dropped</c>, <c>cleared</c>, <c>failed</c>, <c>renewed</c>).</summary>
    public const string ActionTag = "action";

    /// <summary>The log category of every event the companion writes.</summary>
    public const string LogCategory = "StateAnalyzers.AspNetCore.StateGuard";

    /// <summary>The stable event id of an action on a rule: 1000 + 10 × the rule's number + the action
    /// (STATE004 fixed is 1041, STATE003 failed is 1034). The event name is the rule ID.</summary>
    /// <param name="ruleId">A rule ID such as <c>STATE004</c>.</param>
    /// <param name="action">The action taken.</param>
    public static int EventId(string ruleId, GuardAction action) =>
        1000 + (10 * int.Parse(ruleId.AsSpan(ruleId.Length - 3), provider: System.Globalization.CultureInfo.InvariantCulture)) + (int)action;
}
