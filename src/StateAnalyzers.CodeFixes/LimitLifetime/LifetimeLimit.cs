using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.LimitLifetime;

/// <summary>One STATE009 finding's fix, read from the diagnostic: the lifetime expression and the C# that replaces it.</summary>
internal sealed class LifetimeLimit
{
    private LifetimeLimit(SyntaxTree tree, TextSpan span, string replacement)
    {
        Tree = tree;
        Span = span;
        Replacement = replacement;
    }

    public SyntaxTree Tree { get; }

    /// <summary>The constant lifetime expression the diagnostic is reported on.</summary>
    public TextSpan Span { get; }

    /// <summary>The lifetime set to the maximum, as the analyzer wrote it (<c>TimeSpan.FromDays(30)</c>).</summary>
    public string Replacement { get; }

    public string Title => "Set the lifetime to the maximum: " + Replacement;

    /// <summary>Null when the analyzer found no way to write the maximum.</summary>
    public static LifetimeLimit? From(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree is { } tree
        && diagnostic.Properties.TryGetValue(LifetimeFixProperties.ReplacementKey, out var replacement)
        && !string.IsNullOrEmpty(replacement)
            ? new LifetimeLimit(tree, diagnostic.Location.SourceSpan, replacement!)
            : null;
}
