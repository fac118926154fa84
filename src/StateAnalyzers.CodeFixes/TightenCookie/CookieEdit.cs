using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.TightenCookie;

/// <summary>One change a cookie-attribute diagnostic asks for, read from the diagnostic's properties.</summary>
internal sealed class CookieEdit
{
    private CookieEdit(string kind, SyntaxTree tree, TextSpan span, string member, string value, string rawAttribute, bool scriptReadable)
    {
        Kind = kind;
        Tree = tree;
        Span = span;
        Member = member;
        Value = value;
        RawAttribute = rawAttribute;
        ScriptReadable = scriptReadable;
    }

    /// <summary>One of the <see cref="CookieFixProperties"/> fix kinds.</summary>
    public string Kind { get; }

    public SyntaxTree Tree { get; }

    /// <summary>The node to edit (the diagnostic's first additional location).</summary>
    public TextSpan Span { get; }

    public string Member { get; }

    public string Value { get; }

    public string RawAttribute { get; }

    public bool ScriptReadable { get; }

    public static CookieEdit? From(Diagnostic diagnostic)
    {
        var properties = diagnostic.Properties;
        if (diagnostic.AdditionalLocations.Count == 0
            || diagnostic.AdditionalLocations[0].SourceTree is not { } tree
            || !properties.TryGetValue(CookieFixProperties.FixKey, out var kind) || kind is null
            || !properties.TryGetValue(CookieFixProperties.MemberKey, out var member) || member is null
            || !properties.TryGetValue(CookieFixProperties.ValueKey, out var value) || value is null)
        {
            return null;
        }

        properties.TryGetValue(CookieFixProperties.RawAttributeKey, out var raw);
        return new CookieEdit(kind, tree, diagnostic.AdditionalLocations[0].SourceSpan, member, value, raw ?? member, properties.ContainsKey(CookieFixProperties.ScriptReadableKey));
    }

    public string Title => Kind == CookieFixProperties.RawHeader
        ? "Add '" + RawAttribute + "' to the Set-Cookie header"
        : Kind == CookieFixProperties.AddOptions
            ? "Pass locked-down CookieOptions"
            : "Set " + Member + " = " + Value;
}
