namespace StateAnalyzers.Catalogue;

/// <summary>
/// An .editorconfig option of one rule, <c>STATE00N.option_name = value</c>, as the docs show it. The typed
/// <see cref="RuleOption{T}"/> also parses it.
/// </summary>
internal abstract class RuleOption
{
    private protected RuleOption(string ruleId, string name, string defaultText, string description)
    {
        RuleId = ruleId;
        Name = name;
        DefaultText = defaultText;
        Description = description;
    }

    public string RuleId { get; }

    /// <summary>Lower snake case, without the rule prefix.</summary>
    public string Name { get; }

    /// <summary>The key as written in .editorconfig, e.g. <c>STATE004.allowed_cookie_names</c>.</summary>
    public string Key => RuleId + "." + Name;

    /// <summary>The default as a user would write it in .editorconfig; empty for an empty list.</summary>
    public string DefaultText { get; }

    public string Description { get; }
}

/// <summary>A rule option with its parser: a value that does not parse falls back to the default.</summary>
internal sealed class RuleOption<T> : RuleOption
{
    private readonly OptionParser<T> _parse;

    public RuleOption(string ruleId, string name, string defaultText, OptionParser<T> parse, string description)
        : base(ruleId, name, defaultText, description)
    {
        _parse = parse;
        Default = parse(defaultText, out var value)
            ? value
            : throw new System.ArgumentException("The default of " + ruleId + "." + name + " does not parse: " + defaultText, nameof(defaultText));
    }

    public T Default { get; }

    /// <summary>The value of <paramref name="raw"/> (null when the key is not set), or the default.</summary>
    public T Parse(string? raw) => raw is not null && _parse(raw.Trim(), out var value) ? value : Default;
}

internal delegate bool OptionParser<T>(string text, out T value);
