namespace StateAnalyzers.Catalogue;

/// <summary>
/// One message of a rule. Most rules have one; a rule with several (STATE005's SameSite=None case)
/// gives each its own <see cref="Variant"/>, which also names the descriptor that carries it.
/// </summary>
internal sealed class RuleMessage
{
    public RuleMessage(string variant, string format)
    {
        Variant = variant;
        Format = format;
    }

    /// <summary><c>Default</c> for the rule's main message.</summary>
    public string Variant { get; }

    /// <summary>A composite format string: {0} is the cookie (or the missing piece), {1} the reason.</summary>
    public string Format { get; }
}
