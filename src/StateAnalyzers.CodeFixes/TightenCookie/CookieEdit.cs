using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.Catalogue;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.TightenCookie;

/// <summary>One change a cookie-attribute diagnostic asks for, read from the diagnostic's properties.</summary>
internal sealed class CookieEdit
{
    private CookieEdit(string kind, SyntaxTree tree, TextSpan span, string member, string value, string rawAttribute, bool scriptReadable, bool remove, string? rawRemove, bool onlyMember)
    {
        Remove = remove;
        RawRemove = rawRemove;
        OnlyMember = onlyMember;
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

    /// <summary>The member goes instead of being set (STATE010: the Domain of a <c>__Host-</c> cookie).</summary>
    public bool Remove { get; }

    /// <summary>For a raw header: the attribute taken out of the literal before <see cref="RawAttribute"/> (possibly empty) is appended.</summary>
    public string? RawRemove { get; }

    /// <summary>For <see cref="CookieFixProperties.AddOptions"/>: the new options set this member only.</summary>
    public bool OnlyMember { get; }

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
        properties.TryGetValue(CookieFixProperties.RawRemoveKey, out var rawRemove);
        return new CookieEdit(
            kind,
            tree,
            diagnostic.AdditionalLocations[0].SourceSpan,
            member,
            value,
            raw ?? member,
            properties.ContainsKey(CookieFixProperties.ScriptReadableKey),
            properties.ContainsKey(CookieFixProperties.RemoveKey),
            rawRemove,
            properties.ContainsKey(CookieFixProperties.OnlyMemberKey));
    }

    public string Title => Kind switch
    {
        CookieFixProperties.RawHeader when RawAttribute.Length == 0 => "Remove '" + RawRemove + "' from the Set-Cookie header",
        CookieFixProperties.RawHeader => "Add '" + RawAttribute + "' to the Set-Cookie header",
        CookieFixProperties.AddOptions => OnlyMember ? "Pass CookieOptions with " + Member + " = " + Value : "Pass locked-down CookieOptions",
        CookieFixProperties.Replace => "Cap " + Member + " at " + RuleCatalog.MaxCookieLifetimeDays + " days",
        _ => Remove ? "Remove " + Member : "Set " + Member + " = " + Value,
    };
}
