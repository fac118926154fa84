using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Internal;

/// <summary>
/// A tree's text as one string, for <see cref="TreeText"/>'s searches. A parsed file's text is a string already, but
/// an edited one's (and the IDE's) copies itself on every <c>ToString</c>, and after a keystroke every fact searches
/// the edited tree in turn: the last few trees' strings are kept, so the edited file is copied once per edit. The
/// slots are values, so a search that misses (every tree of a build, once per fact) allocates nothing; they keep at
/// most that many trees alive.
/// </summary>
internal static class TreeStrings
{
    private const int Kept = 4;
    private static readonly (SyntaxTree? Tree, string? Text)[] Recent = new (SyntaxTree?, string?)[Kept];
    private static int _next;

    public static string Of(SyntaxTree tree)
    {
        lock (Recent)
        {
            foreach (var (kept, text) in Recent)
            {
                if (ReferenceEquals(kept, tree) && text is not null)
                {
                    return text;
                }
            }
        }

        var copy = tree.GetText().ToString();
        lock (Recent)
        {
            Recent[_next] = (tree, copy);
            _next = (_next + 1) % Kept;
        }

        return copy;
    }
}
