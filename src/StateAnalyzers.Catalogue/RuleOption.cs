namespace StateAnalyzers.Catalogue;

/// <summary>An .editorconfig option of one rule: <c>STATE00N.option_name = value</c>.</summary>
internal sealed class RuleOption
{
    public RuleOption(string ruleId, string name, string defaultValue, string description)
    {
        RuleId = ruleId;
        Name = name;
        DefaultValue = defaultValue;
        Description = description;
    }

    public string RuleId { get; }

    /// <summary>Lower snake case, without the rule prefix.</summary>
    public string Name { get; }

    /// <summary>The key as written in .editorconfig, e.g. <c>STATE004.allowed_cookie_names</c>.</summary>
    public string Key => RuleId + "." + Name;

    public string DefaultValue { get; }

    public string Description { get; }
}
