namespace StateAnalyzers.AspNetCore;

/// <summary>Per-rule settings, under <c>StateGuard:Rules:STATE00N</c>.</summary>
public sealed class StateGuardRuleOptions
{
    /// <summary>Overrides <see cref="StateGuardOptions.Mode"/> for this rule; <see langword="null"/> inherits it.</summary>
    public StateGuardMode? Mode { get; set; }

    /// <summary>Cookie names (exact, case-sensitive, as cookies are) this rule never acts on.
    /// Configuration values are added to the defaults (STATE004 starts with <c>XSRF-TOKEN</c>).</summary>
    public List<string> ExemptCookies { get; } = new();
}
