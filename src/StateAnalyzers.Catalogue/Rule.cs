using System.Collections.Generic;
using System.Linq;

namespace StateAnalyzers.Catalogue;

/// <summary>One entry of the rule catalogue (RULES.md). Everything user-facing about a rule comes from here.</summary>
internal sealed class Rule
{
    public Rule(
        string id,
        string name,
        string title,
        RuleSeverity defaultSeverity,
        string category,
        string codeFix,
        string runtime,
        IReadOnlyList<RuleMessage> messages,
        IReadOnlyList<RuleOption>? options = null,
        RuleSeverity strictSeverity = RuleSeverity.Error)
    {
        Id = id;
        Name = name;
        StrictSeverity = strictSeverity;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Category = category;
        CodeFix = codeFix;
        Runtime = runtime;
        Messages = messages;
        Options = options ?? new RuleOption[0];
    }

    public string Id { get; }

    /// <summary>The rule's subject as a C# name (<c>HttpOnly</c>): the name of its descriptor.</summary>
    public string Name { get; }

    public string Title { get; }

    public RuleSeverity DefaultSeverity { get; }

    /// <summary>The severity in the <c>strict</c> preset: an error, unless the rule is defence in depth.</summary>
    public RuleSeverity StrictSeverity { get; }

    public string Category { get; }

    /// <summary>What the code fix does, as the catalogue's table says it.</summary>
    public string CodeFix { get; }

    /// <summary>What the runtime companion does, as the catalogue's table says it.</summary>
    public string Runtime { get; }

    public IReadOnlyList<RuleMessage> Messages { get; }

    public IReadOnlyList<RuleOption> Options { get; }

    public string HelpLink => RuleCatalog.HelpLinkBase + Id + ".md";

    /// <summary>The docs page, relative to the repository root.</summary>
    public string DocsPath => "docs/rules/" + Id + ".md";

    /// <summary>Whether a message of the rule has a default severity other than the rule's (see <see cref="RuleMessage.Severity"/>).</summary>
    public bool HasMessageOfOtherSeverity => Messages.Any(m => m.SeverityIn(this) != DefaultSeverity);

    public RuleMessage Message(string variant = RuleCatalog.DefaultVariant) =>
        Messages.First(m => m.Variant == variant);
}
