using System;
using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Internal;

/// <summary>
/// A tree's text as one string, for <see cref="TreeText"/>'s searches. A parsed file's text is a string already, but
/// an edited one's (and the IDE's) copies itself on every <c>ToString</c>, and after a keystroke every fact searches
/// the edited tree in turn: the last few trees' strings are kept, so the edited file is copied once per edit.
/// </summary>
internal static class TreeStrings
{
    private const int Kept = 4;
    private static readonly Slot?[] Recent = new Slot?[Kept];
    private static int _next;

    public static string Of(SyntaxTree tree)
    {
        lock (Recent)
        {
            foreach (var slot in Recent)
            {
                if (slot is not null && slot.Tree.TryGetTarget(out var kept) && ReferenceEquals(kept, tree))
                {
                    return slot.Text;
                }
            }
        }

        var text = tree.GetText().ToString();
        lock (Recent)
        {
            Recent[_next] = new Slot(new WeakReference<SyntaxTree>(tree), text);
            _next = (_next + 1) % Kept;
        }

        return text;
    }

    private sealed class Slot
    {
        public Slot(WeakReference<SyntaxTree> tree, string text)
        {
            Tree = tree;
            Text = text;
        }

        public WeakReference<SyntaxTree> Tree { get; }

        public string Text { get; }
    }
}
