using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// Methods in source that write a cookie whose value is one of their parameters (a <c>SetCookie(name, value)</c>
/// helper, possibly through another helper). The value rules judge what each call site passes, and report there.
/// </summary>
internal sealed class CookieHelperIndex
{
    private const int MaxDepth = 3;
    private readonly CompilationModel _model;
    private readonly ConcurrentDictionary<IMethodSymbol, CookieHelper?> _helpers = new(SymbolEqualityComparer.Default);

    public CookieHelperIndex(CompilationModel model)
    {
        _model = model;
    }

    /// <summary>
    /// The names of every method or local function in source that may be a helper, found on syntax alone: one that
    /// calls <c>Append</c> with two arguments or more (every <c>IResponseCookies.Append</c> overload takes two or three),
    /// or calls such a method, to the depth the index follows. A superset: <see cref="For(IMethodSymbol)"/> decides by symbol.
    /// After an edit that leaves every tree's callers as they were (a keystroke elsewhere than a call to a helper), the
    /// last compilation's names are the answer: the names depend on those callers alone.
    /// </summary>
    public static ImmutableHashSet<string> CandidateNames(Compilation compilation)
    {
        var trees = compilation.SyntaxTrees as IReadOnlyList<SyntaxTree> ?? compilation.SyntaxTrees.ToList();
        if (Volatile.Read(ref _lastMerge) is { } last && last.Holds(trees))
        {
            return last.Names;
        }

        var merge = CallerMerge.Of(trees);
        Volatile.Write(ref _lastMerge, merge);
        return merge.Names;
    }

    private static CallerMerge? _lastMerge;

    /// <summary>The callers each tree holds at each depth, and the names merged from them.</summary>
    private sealed class CallerMerge
    {
        private readonly ImmutableHashSet<string>[] _callees;
        private readonly IReadOnlyList<string>[][] _callers;

        private CallerMerge(ImmutableHashSet<string> names, ImmutableHashSet<string>[] callees, IReadOnlyList<string>[][] callers)
        {
            Names = names;
            _callees = callees;
            _callers = callers;
        }

        public ImmutableHashSet<string> Names { get; }

        public static CallerMerge Of(IReadOnlyList<SyntaxTree> trees)
        {
            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var searched = new List<ImmutableHashSet<string>>();
            var found = new List<IReadOnlyList<string>[]>();
            var callees = AppendOnly;
            for (var depth = 0; depth <= MaxDepth && callees.Count > 0; depth++)
            {
                callees = Canonical(depth, callees);
                var callers = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
                var perTree = new IReadOnlyList<string>[trees.Count];
                for (var i = 0; i < trees.Count; i++)
                {
                    perTree[i] = CallersByTree.For(trees[i]).Find(trees[i], depth, callees);
                    foreach (var name in perTree[i])
                    {
                        if (names.Add(name))
                        {
                            callers.Add(name);
                        }
                    }
                }

                searched.Add(callees);
                found.Add(perTree);
                callees = callers.ToImmutable();
            }

            return new CallerMerge(names.ToImmutable(), searched.ToArray(), found.ToArray());
        }

        /// <summary>Whether every tree has, at every depth, the callers this merge was made from: then its names hold.</summary>
        public bool Holds(IReadOnlyList<SyntaxTree> trees)
        {
            for (var depth = 0; depth < _callees.Length; depth++)
            {
                var previous = _callers[depth];
                if (previous.Length != trees.Count)
                {
                    return false;
                }

                var callees = Canonical(depth, _callees[depth]);
                for (var i = 0; i < trees.Count; i++)
                {
                    var callers = CallersByTree.For(trees[i]).Find(trees[i], depth, callees);
                    if (!ReferenceEquals(callers, previous[i]) && !callers.SequenceEqual(previous[i], StringComparer.Ordinal))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    private static readonly ImmutableHashSet<string> AppendOnly = ImmutableHashSet.Create(StringComparer.Ordinal, CookieWriteRecognizer.AppendName);

    /// <summary>Per tree and depth, the methods around calls to that depth's callees: syntax only, kept for the tree's lifetime.</summary>
    private static readonly SyntaxSummaries<CallerSearch> CallersByTree = new(_ => new CallerSearch());

    /// <summary>The last callee set searched at each depth: an equal set is the same object, so a tree's cached search is found by reference.</summary>
    private static readonly ImmutableHashSet<string>?[] LastCallees = new ImmutableHashSet<string>?[MaxDepth + 1];

    private static ImmutableHashSet<string> Canonical(int depth, ImmutableHashSet<string> callees)
    {
        lock (LastCallees)
        {
            if (LastCallees[depth] is { } last && last.SetEquals(callees))
            {
                return last;
            }

            LastCallees[depth] = callees;
            return callees;
        }
    }

    /// <summary>Every method and local function around the call: a call inside a lambda or a local function is in the outer method's body too.</summary>
    private static void AddEnclosingMethods(SyntaxNode call, List<string> names)
    {
        for (var node = call.Parent; node is not null; node = node.Parent)
        {
            var name = node switch
            {
                MethodDeclarationSyntax { ParameterList.Parameters.Count: > 0 } method => method.Identifier.ValueText,
                LocalFunctionStatementSyntax { ParameterList.Parameters.Count: > 0 } local => local.Identifier.ValueText,
                _ => null,
            };
            if (name is not null)
            {
                names.Add(name);
            }

            if (node is BaseTypeDeclarationSyntax)
            {
                return;
            }
        }
    }

    /// <summary>One tree's searches, one per depth, each remembered with the callee set it was made for.</summary>
    private sealed class CallerSearch
    {
        private readonly Search?[] _searches = new Search?[MaxDepth + 1];

        public IReadOnlyList<string> Find(SyntaxTree tree, int depth, ImmutableHashSet<string> callees)
        {
            if (Volatile.Read(ref _searches[depth]) is { } search && ReferenceEquals(search.Callees, callees))
            {
                return search.Callers;
            }

            var callers = new List<string>();
            foreach (var invocation in TreeText.CallsTo(tree, callees))
            {
                if (depth > 0 || invocation.ArgumentList.Arguments.Count >= 2)
                {
                    AddEnclosingMethods(invocation, callers);
                }
            }

            Volatile.Write(ref _searches[depth], new Search(callees, callers));
            return callers;
        }

        private sealed class Search
        {
            public Search(ImmutableHashSet<string> callees, List<string> callers)
            {
                Callees = callees;
                Callers = callers;
            }

            public ImmutableHashSet<string> Callees { get; }

            public List<string> Callers { get; }
        }
    }

    /// <summary>
    /// The cookie a call to a helper writes, as the caller passes it (the value argument, the name argument or the
    /// helper's own constant name), with unknown attributes: the value rules judge it at the call site.
    /// </summary>
    public CookieWrite? WriteAt(IInvocationOperation invocation)
    {
        if (For(invocation.TargetMethod) is not { } helper || Symbols.Argument(invocation, helper.ValueParameter) is not { } value)
        {
            return null;
        }

        var name = helper.ConstantName
            ?? (helper.NameParameter is { } ordinal ? CookieNameFolding.Fold(Symbols.Argument(invocation, ordinal)) : null);
        return new CookieWrite(CookieSource.ResponseCookies, invocation, name, value, CookieAttributes.Unknown, viaHelper: true, helperOwnsName: helper.ConstantName is not null);
    }

    /// <summary>The helper behind a call, or null when the called method is not one.</summary>
    public CookieHelper? For(IMethodSymbol method) => For(method.OriginalDefinition, 0);

    private CookieHelper? For(IMethodSymbol method, int depth)
    {
        if (depth > MaxDepth || method.Parameters.Length == 0 || !_model.IsInSource(method))
        {
            return null;
        }

        return _helpers.GetOrAdd(method, m => Find(m, depth));
    }

    private CookieHelper? Find(IMethodSymbol method, int depth)
    {
        var declaration = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).FirstOrDefault(s => s is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax);
        if (declaration is null)
        {
            return null;
        }

        var body = _model.SemanticModelFor(declaration.SyntaxTree).GetOperation(declaration);
        if (body is null)
        {
            return null;
        }

        foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
        {
            if (_model.Writes.FromInvocation(invocation) is { Source: CookieSource.ResponseCookies, Value: { } value } write
                && ParameterOf(value, method) is { } valueParameter)
            {
                var key = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key")?.Value;
                return new CookieHelper(valueParameter.Ordinal, key is null ? null : ParameterOf(key, method)?.Ordinal, write.Name);
            }

            // A helper that calls another helper with its own parameter.
            if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method)
                && For(invocation.TargetMethod.OriginalDefinition, depth + 1) is { } inner
                && Symbols.Argument(invocation, inner.ValueParameter) is { } passed
                && ParameterOf(passed, method) is { } outerValue)
            {
                var name = inner.NameParameter is { } nameOrdinal ? Symbols.Argument(invocation, nameOrdinal) : null;
                return new CookieHelper(
                    outerValue.Ordinal,
                    name is null ? null : ParameterOf(name, method)?.Ordinal,
                    inner.ConstantName ?? CookieNameFolding.Fold(name));
            }
        }

        return null;
    }

    /// <summary>The parameter of <paramref name="method"/> the value comes from, directly or through a local set from it.</summary>
    private static IParameterSymbol? ParameterOf(IOperation value, IMethodSymbol method)
    {
        var operation = OperationFlow.SkipConversions(value);
        if (operation is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method))
        {
            return parameter.Parameter;
        }

        if (operation is ILocalReferenceOperation local)
        {
            var sources = ValueFlow.SourcesOf(local.Local, operation).ToList();
            if (sources.Count == 1 && OperationFlow.SkipConversions(sources[0]) is IParameterReferenceOperation source
                && SymbolEqualityComparer.Default.Equals(source.Parameter.ContainingSymbol, method))
            {
                return source.Parameter;
            }
        }

        return null;
    }
}

internal sealed class CookieHelper
{
    public CookieHelper(int valueParameter, int? nameParameter, string? constantName)
    {
        ValueParameter = valueParameter;
        NameParameter = nameParameter;
        ConstantName = constantName;
    }

    public int ValueParameter { get; }

    public int? NameParameter { get; }

    public string? ConstantName { get; }
}
