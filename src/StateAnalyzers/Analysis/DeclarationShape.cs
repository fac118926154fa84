using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StateAnalyzers.Analysis;

/// <summary>
/// What binding a method body can see of the rest of a compilation: every tree's declarations (types, members,
/// signatures, attributes, constants; not method bodies, top-level statements or non-constant initializers), the
/// references, the options. Two compilations with the same shape bind an unchanged tree's code to the same symbols,
/// so a fact gathered from that tree in one holds in the other: after a keystroke in a method body, the IDE's new
/// compilation has the shape of the last one. Compared by a 64-bit fingerprint, computed only when two compilations
/// are compared (never in a build, which sees one), from per-tree fingerprints cached for the tree's lifetime.
/// </summary>
internal sealed class DeclarationShape
{
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<ulong>> TreeFingerprints = new();
    private static long _created;
    private readonly object _gate = new();
    private readonly long _age = Interlocked.Increment(ref _created);
    private readonly int _treeCount;
    private readonly string? _assemblyName;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly CompilationOptions _options;
    private Compilation? _compilation;
    private ulong _fingerprint;

    /// <summary>An older shape found equal: equal shapes end at the same oldest one, so every later comparison of them is by reference.</summary>
    private DeclarationShape? _older;

    public DeclarationShape(Compilation compilation)
    {
        _compilation = compilation;
        _treeCount = compilation.SyntaxTrees.Count();
        _assemblyName = compilation.AssemblyName;
        _references = compilation.References.ToImmutableArray();
        _options = compilation.Options;
    }

    public bool SameAs(DeclarationShape other)
    {
        var mine = Oldest();
        var theirs = other.Oldest();
        if (ReferenceEquals(mine, theirs))
        {
            return true;
        }

        if (!mine.HasSameDeclarations(theirs))
        {
            return false;
        }

        // Every tree's summary asks the same question of the same two shapes: link the newer to the older once.
        // Links only ever point to an older shape, so two threads linking at once cannot make a cycle.
        var (newer, older) = mine._age > theirs._age ? (mine, theirs) : (theirs, mine);
        Interlocked.CompareExchange(ref newer._older, older, null);
        return true;
    }

    /// <summary>
    /// <see cref="SameAs"/>, asked only when answering walks no tree: when every tree of this compilation but one (the
    /// one just edited) has its fingerprint already. A build's compilation, whose trees are all new, is never compared so.
    /// </summary>
    public bool IsKnownSameAs(DeclarationShape other) =>
        _treeCount == other._treeCount
        && _assemblyName == other._assemblyName
        && SameReferences(other)
        && FingerprintsKnownButOne()
        && SameAs(other);

    private bool FingerprintsKnownButOne()
    {
        lock (_gate)
        {
            if (_compilation is not { } compilation)
            {
                return true;
            }

            var unknown = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!TreeFingerprints.TryGetValue(tree, out _) && ++unknown > 1)
                {
                    return false;
                }
            }

            return true;
        }
    }

    private DeclarationShape Oldest()
    {
        var shape = this;
        while (Volatile.Read(ref shape._older) is { } older)
        {
            shape = older;
        }

        return shape;
    }

    private bool HasSameDeclarations(DeclarationShape other) =>
        _treeCount == other._treeCount
        && _assemblyName == other._assemblyName
        && _options.Equals(other._options)
        && SameReferences(other)
        && Fingerprint() == other.Fingerprint();

    private bool SameReferences(DeclarationShape other)
    {
        if (_references.Length != other._references.Length)
        {
            return false;
        }

        for (var i = 0; i < _references.Length; i++)
        {
            if (!ReferenceEquals(_references[i], other._references[i]))
            {
                return false;
            }
        }

        return true;
    }

    private ulong Fingerprint()
    {
        lock (_gate)
        {
            if (_compilation is { } compilation)
            {
                var hash = Offset;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    hash = Mix(hash, TreeFingerprints.GetValue(tree, t => new StrongBox<ulong>(Of(t))).Value);
                }

                _fingerprint = hash;
                _compilation = null; // the shape outlives its compilation in the per-tree caches: keep only the number
            }

            return _fingerprint;
        }
    }

    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>A tree's declarations: every token outside method bodies, top-level statements and non-constant initializers.</summary>
    private static ulong Of(SyntaxTree tree)
    {
        var hash = Offset;
        var topLevelStatements = false;
        foreach (var item in tree.GetRoot().DescendantNodesAndTokens(Declares))
        {
            if (item.IsKind(SyntaxKind.GlobalStatement))
            {
                topLevelStatements = true; // whether there are any declares the entry point; what they are, nothing outside them sees
                continue;
            }

            hash = Mix(hash, (ulong)item.RawKind);
            if (item.IsToken)
            {
                foreach (var c in item.AsToken().Text)
                {
                    hash = Mix(hash, c);
                }
            }
        }

        return Mix(hash, topLevelStatements ? 1UL : 0UL);
    }

    private static ulong Mix(ulong hash, ulong value) => (hash ^ value) * Prime;

    /// <summary>Whether a node's content can be seen by code in other trees.</summary>
    private static bool Declares(SyntaxNode node) => node switch
    {
        BlockSyntax or ArrowExpressionClauseSyntax or GlobalStatementSyntax => false,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax } => false,
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: BaseFieldDeclarationSyntax field } } } =>
            field.Modifiers.Any(SyntaxKind.ConstKeyword),
        _ => true,
    };
}
