using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;
using StateAnalyzers.SignOuts;

namespace StateAnalyzers.SignIns;

/// <summary>
/// The project's sign-in wrappers and whether code in source calls them, gathered once per compilation on first use.
/// Only the files that spell a sign-in's name are searched, and only at the calls that spell it.
/// </summary>
internal sealed class SignInWrappers
{
    private readonly ImmutableHashSet<IMethodSymbol> _called;

    private SignInWrappers(ImmutableDictionary<IMethodSymbol, SignInWrapper> wrappers, ImmutableHashSet<IMethodSymbol> called)
    {
        Wrappers = wrappers;
        _called = called;
    }

    /// <summary>Small methods in source whose body is a login sign-in and nothing else, by their original definition.</summary>
    public ImmutableDictionary<IMethodSymbol, SignInWrapper> Wrappers { get; }

    /// <summary>Whether a wrapper is invoked somewhere in source (then its call sites are reported, not the wrapper).</summary>
    public bool IsCalledInSource(IMethodSymbol wrapper) => _called.Contains(wrapper);

    public static SignInWrappers Gather(CompilationModel model)
    {
        var wrappers = new Dictionary<IMethodSymbol, SignInWrapper>(SymbolEqualityComparer.Default);
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            foreach (var call in Shares.For(model, tree))
            {
                if (model.SemanticModelFor(tree).GetOperation(call) is IInvocationOperation invocation && WrapperOf(model, invocation) is { } wrapper)
                {
                    wrappers[wrapper.Method] = wrapper;
                }
            }
        }

        var called = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (wrappers.Count > 0)
        {
            foreach (var (_, invocation) in Calls(model, new HashSet<string>(wrappers.Keys.Select(m => m.Name))))
            {
                if (wrappers.ContainsKey(invocation.TargetMethod.OriginalDefinition))
                {
                    called.Add(invocation.TargetMethod.OriginalDefinition);
                }
            }
        }

        return new SignInWrappers(wrappers.ToImmutableDictionary(SymbolEqualityComparer.Default), called.ToImmutable());
    }

    /// <summary>A tree's share: the sign-ins that are the whole body of a wrapper, kept across compilations while the tree and the declarations stay.</summary>
    private static readonly TreeSummaries<List<SyntaxNode>> Shares = new(GatherTree);

    private static List<SyntaxNode> GatherTree(CompilationModel model, SyntaxTree tree)
    {
        var found = new List<SyntaxNode>();
        if (!TreeText.MayMention(tree, SignInRecognizer.CallNames))
        {
            return found;
        }

        foreach (var call in TreeText.CallsTo(tree, SignInRecognizer.CallNames))
        {
            // Only a sign-in that may be a method's whole body can make a wrapper.
            if (SignOutWrapper.MayWrap(call) && model.SemanticModelFor(tree).GetOperation(call) is IInvocationOperation invocation && WrapperOf(model, invocation) is not null)
            {
                found.Add(call);
            }
        }

        return found;
    }

    private static SignInWrapper? WrapperOf(CompilationModel model, IInvocationOperation invocation) =>
        model.SignIns.From(invocation) is { } signIn
        && model.SignIns.IsLogin(signIn)
        && !model.SignIns.IsFrameworkPlumbing(invocation)
            ? SignInWrapper.For(signIn)
            : null;

    private static IEnumerable<(SyntaxTree Tree, IInvocationOperation Invocation)> Calls(CompilationModel model, ICollection<string> names)
    {
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            if (!TreeText.MayMention(tree, names))
            {
                continue;
            }

            foreach (var call in TreeText.CallsTo(tree, names))
            {
                if (model.SemanticModelFor(tree).GetOperation(call) is IInvocationOperation invocation)
                {
                    yield return (tree, invocation);
                }
            }
        }
    }
}
