using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StateAnalyzers.Internal;

/// <summary>
/// A text search that lets the project-wide walks skip files: walking a tree's nodes re-creates its red nodes (about
/// 11 MB for 50,000 lines), while searching its text allocates nothing. A tree whose text never spells a candidate
/// name as a whole identifier cannot hold a candidate node. Conservative: an occurrence inside a comment or a string,
/// a non-ASCII neighbour, or a unicode escape anywhere in the file all count as a possible mention.
/// </summary>
internal static class TreeText
{
    /// <summary>
    /// Whether <paramref name="tree"/> may hold an identifier equal to one of <paramref name="names"/>, or starting with
    /// <paramref name="prefix"/> (followed by an upper-case letter, or anything not ASCII, when <paramref name="prefixThenUpper"/>).
    /// </summary>
    public static bool MayMention(SyntaxTree tree, IEnumerable<string> names, string? prefix = null, bool prefixThenUpper = false)
    {
        var text = TreeStrings.Of(tree);
        if (HasUnicodeEscape(text))
        {
            return true;
        }

        foreach (var name in names)
        {
            if (Mentions(text, name, wholeIdentifier: true))
            {
                return true;
            }
        }

        if (prefix is null)
        {
            return false;
        }

        if (!prefixThenUpper)
        {
            return Mentions(text, prefix, wholeIdentifier: false);
        }

        for (var at = NextMention(text, prefix, 0, wholeIdentifier: false); at >= 0; at = NextMention(text, prefix, at + 1, wholeIdentifier: false))
        {
            var end = at + prefix.Length;
            if (end < text.Length && (text[end] is >= 'A' and <= 'Z' || text[end] > '\u007f'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where <paramref name="tree"/> spells one of <paramref name="names"/> as a whole identifier (comments and strings
    /// included), so that only the tokens there need looking at; null when the file has a unicode escape, which can
    /// spell an identifier differently: then the caller walks the whole tree.
    /// </summary>
    public static List<int>? Occurrences(SyntaxTree tree, IEnumerable<string> names) => Occurrences(TreeStrings.Of(tree), names);

    /// <inheritdoc cref="Occurrences(SyntaxTree, IEnumerable{string})"/>
    public static List<int>? Occurrences(string text, IEnumerable<string> names)
    {
        if (HasUnicodeEscape(text))
        {
            return null;
        }

        var positions = new List<int>();
        foreach (var name in names)
        {
            for (var at = NextMention(text, name, 0, wholeIdentifier: true); at >= 0; at = NextMention(text, name, at + 1, wholeIdentifier: true))
            {
                positions.Add(at);
            }
        }

        return positions;
    }

    /// <summary>
    /// The calls in <paramref name="tree"/> to a method spelled as one of <paramref name="names"/>, found from the
    /// tokens where the text spells a name, so the rest of the file's nodes are never created (a file with a unicode
    /// escape is walked whole).
    /// </summary>
    public static IEnumerable<InvocationExpressionSyntax> CallsTo(SyntaxTree tree, ICollection<string> names)
    {
        var root = tree.GetRoot();
        var calls = Occurrences(tree, names) is { } positions
            ? positions.Select(p => SyntaxNames.InvocationNamedBy(root.FindToken(p)))
            : root.DescendantNodes().OfType<InvocationExpressionSyntax>();
        foreach (var call in calls)
        {
            if (call is not null && names.Contains(SyntaxNames.Invoked(call)))
            {
                yield return call;
            }
        }
    }

    private static bool Mentions(string text, string name, bool wholeIdentifier) => NextMention(text, name, 0, wholeIdentifier) >= 0;

    /// <summary>The next place from <paramref name="from"/> where <paramref name="name"/> starts an identifier (and ends it, when whole), or -1.</summary>
    private static int NextMention(string text, string name, int from, bool wholeIdentifier)
    {
        for (var at = text.IndexOf(name, from, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            var end = at + name.Length;
            if ((at == 0 || !IsAsciiIdentifierPart(text[at - 1]))
                && (!wholeIdentifier || end == text.Length || !IsAsciiIdentifierPart(text[end])))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool HasUnicodeEscape(string text) =>
        text.IndexOf("\\u", StringComparison.Ordinal) >= 0 || text.IndexOf("\\U", StringComparison.Ordinal) >= 0;

    private static bool IsAsciiIdentifierPart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
