namespace StateAnalyzers.AspNetCore;

/// <summary>What the runtime companion does about a rule, for the whole app or for one rule.</summary>
public enum StateGuardMode
{
    /// <summary>The rule is not checked at all.</summary>
    Off = 0,

    /// <summary>Violations are logged and counted; the response is left untouched.</summary>
    Report = 1,

    /// <summary>Violations are fixed where they can be (attributes added, lifetimes capped), dropped and reported where they cannot.</summary>
    Enforce = 2,
}

/// <summary>When the companion adds the <c>Secure</c> attribute to a cookie that lacks it (STATE005).</summary>
public enum StateGuardSecurePolicy
{
    /// <summary>On every response, as <c>CookieSecurePolicy.Always</c> does. Right for any app that browsers reach over HTTPS,
    /// including apps behind a TLS-terminating proxy.</summary>
    Always = 0,

    /// <summary>Only on responses to HTTPS requests; on plain HTTP a missing <c>Secure</c> is neither fixed nor reported
    /// (a <c>SameSite=None</c> cookie without <c>Secure</c> still is, since browsers reject it anyway).</summary>
    SameAsRequest = 1,
}
