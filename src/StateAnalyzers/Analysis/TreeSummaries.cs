using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Analysis;

/// <summary>
/// One project-wide fact's share from each tree, cached per tree across compilations: the IDE's compilation after
/// a keystroke reuses every unchanged tree, so only the edited one is gathered again. A summary may come from binding
/// the tree, so it is reused only under the same <see cref="DeclarationShape"/>; it must hold syntax nodes of its own
/// tree, names and flags, never symbols (a symbol belongs to one compilation).
/// </summary>
internal sealed class TreeSummaries<T>
    where T : class
{
    private readonly ConditionalWeakTable<SyntaxTree, Slot> _slots = new();
    private readonly Func<CompilationModel, SyntaxTree, T> _gather;

    public TreeSummaries(Func<CompilationModel, SyntaxTree, T> gather)
    {
        _gather = gather;
    }

    public T For(CompilationModel model, SyntaxTree tree)
    {
        var slot = _slots.GetValue(tree, _ => new Slot());
        if (Volatile.Read(ref slot.Entry) is { } entry && model.Shape.SameAs(entry.Shape))
        {
            return entry.Value; // an equal shape is linked to this entry's after the first tree: nothing allocated per tree
        }

        var value = _gather(model, tree);
        Volatile.Write(ref slot.Entry, new Entry(model.Shape, value));
        return value;
    }

    private sealed class Slot
    {
        public Entry? Entry;
    }

    private sealed class Entry
    {
        public Entry(DeclarationShape shape, T value)
        {
            Shape = shape;
            Value = value;
        }

        public DeclarationShape Shape { get; }

        public T Value { get; }
    }
}

/// <summary>A tree's share of a fact that depends on its syntax alone: cached for the tree's lifetime, in every compilation.</summary>
internal sealed class SyntaxSummaries<T>
    where T : class
{
    private readonly ConditionalWeakTable<SyntaxTree, T> _values = new();
    private readonly ConditionalWeakTable<SyntaxTree, T>.CreateValueCallback _gather;

    public SyntaxSummaries(Func<SyntaxTree, T> gather)
    {
        _gather = tree => gather(tree);
    }

    public T For(SyntaxTree tree) => _values.GetValue(tree, _gather);
}
