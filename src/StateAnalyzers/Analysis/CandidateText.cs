using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Analysis;

/// <summary>
/// Where in a file's text a candidate of <see cref="CandidateIndex"/> may be, so that only the tokens there are looked
/// at and the rest of the file's nodes are never created. Besides the names a candidate spells, three shapes are
/// found by their punctuation, since what they name may be anything (a header-name constant of another assembly, a
/// type the syntax does not spell): an indexer assignment (<c>x[key] = v</c>, its <c>]</c> then <c>=</c> or <c>)</c>),
/// a collection-initializer element (<c>{ key, value }</c>, whose <c>{</c> follows <c>{</c> or <c>,</c>) and a
/// target-typed <c>new(</c>. Conservative: a comment or a directive between the two tokens counts as a possible
/// match, and a file with a unicode escape or a syntax error is not searched at all (null: walk it whole).
/// </summary>
internal static class CandidateText
{
    private static readonly string[] NewKeyword = { "new" };

    /// <summary>The positions to look at in <paramref name="tree"/>, unordered, possibly repeated; null when the whole tree must be walked.</summary>
    public static List<int>? Triggers(SyntaxTree tree, IEnumerable<string> names)
    {
        if (tree.GetRoot().ContainsDiagnostics)
        {
            return null;
        }

        var text = TreeStrings.Of(tree);
        if (TreeText.Occurrences(text, names) is not { } positions || TreeText.Occurrences(text, NewKeyword) is not { } creations)
        {
            return null;
        }

        foreach (var at in creations)
        {
            if (Next(text, at + NewKeyword[0].Length) is '(' or '/' or '#')
            {
                positions.Add(at);
            }
        }

        for (var at = text.IndexOf(']'); at >= 0; at = text.IndexOf(']', at + 1))
        {
            if (Next(text, at + 1) is '=' or ')' or '/' or '#')
            {
                positions.Add(at);
            }
        }

        for (var at = text.IndexOf('{'); at >= 0; at = text.IndexOf('{', at + 1))
        {
            if (MayFollowInitializerToken(text, at))
            {
                positions.Add(at);
            }
        }

        return positions;
    }

    /// <summary>The first character from <paramref name="from"/> that is not white space, or a space at the end.</summary>
    private static char Next(string text, int from)
    {
        for (var at = from; at < text.Length; at++)
        {
            if (!char.IsWhiteSpace(text[at]))
            {
                return text[at];
            }
        }

        return ' ';
    }

    /// <summary>
    /// Whether the token before the <c>{</c> at <paramref name="at"/> may be <c>{</c> or <c>,</c>: the character before
    /// it is one, or a comment or directive may stand between (a <c>/</c> before it, or a line with <c>//</c> or a
    /// <c>#</c> directive above it).
    /// </summary>
    private static bool MayFollowInitializerToken(string text, int at)
    {
        var newLine = false;
        var before = at - 1;
        for (; before >= 0 && char.IsWhiteSpace(text[before]); before--)
        {
            newLine |= text[before] is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';
        }

        if (before < 0)
        {
            return false;
        }

        if (text[before] is '{' or ',' or '/')
        {
            return true;
        }

        if (!newLine)
        {
            return false;
        }

        // The line before: a comment on it, or a directive.
        var first = before;
        for (var c = before; c >= 0 && text[c] is not ('\n' or '\r' or '\u0085' or '\u2028' or '\u2029'); c--)
        {
            if (text[c] == '/' && c > 0 && text[c - 1] == '/')
            {
                return true;
            }

            first = char.IsWhiteSpace(text[c]) ? first : c;
        }

        return text[first] == '#';
    }
}
