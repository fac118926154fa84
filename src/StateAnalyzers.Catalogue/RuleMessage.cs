namespace StateAnalyzers.Catalogue;

/// <summary>
/// One message of a rule. Most rules have one; a rule with several (STATE005's SameSite=None case)
/// gives each its own <see cref="Variant"/>, which also names the descriptor that carries it.
/// </summary>
internal sealed class RuleMessage
{
    public RuleMessage(string variant, string format, RuleSeverity? severity = null)
    {
        Variant = variant;
        Format = format;
        Severity = severity;
    }

    /// <summary><c>Default</c> for the rule's main message.</summary>
    public string Variant { get; }

    /// <summary>A composite format string: {0} is the cookie (or the missing piece), {1} the reason.</summary>
    public string Format { get; }

    /// <summary>
    /// The default severity of findings with this message when it differs from the rule's (STATE010's 400-day cap is
    /// Info in a Warning rule); null for the rule's own. Such a finding is reported at this severity, and the
    /// <c>recommended</c> preset leaves the rule unset so that each message keeps its own.
    /// </summary>
    public RuleSeverity? Severity { get; }

    /// <summary>The severity a finding with this message has by default in <paramref name="rule"/>.</summary>
    public RuleSeverity SeverityIn(Rule rule) => Severity ?? rule.DefaultSeverity;
}
