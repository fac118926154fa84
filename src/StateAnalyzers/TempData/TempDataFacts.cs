using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.TempData;

/// <summary>
/// Where the project keeps TempData, gathered per compilation the first time a rule asks from each tree's share (kept across compilations while the tree and the declarations stay): whether it replaces
/// the default cookie provider (<c>AddSessionStateTempDataProvider()</c> on an MVC or Razor Pages builder, or an
/// <c>ITempDataProvider</c> registration of its own), and where MVC is registered (the place the fix adds the
/// session provider). A cheap text search skips files that spell none of the names; candidates are bound, so only
/// symbols decide.
/// </summary>
internal sealed class TempDataFacts
{
    public const string SessionProviderName = "AddSessionStateTempDataProvider";

    private static readonly ImmutableHashSet<string> RegistrationNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "AddControllersWithViews", "AddMvc", "AddRazorPages");

    private static readonly ImmutableHashSet<string> ServiceNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "AddSingleton", "AddScoped", "AddTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient", "Replace");

    private static readonly ImmutableArray<string> WalkNames =
        RegistrationNames.Union(ServiceNames).Add(SessionProviderName).Add("ITempDataProvider").ToImmutableArray();

    private TempDataFacts(bool replacesCookieProvider, ImmutableArray<SyntaxNode> mvcRegistrations)
    {
        ReplacesCookieProvider = replacesCookieProvider;
        MvcRegistrations = mvcRegistrations;
    }

    /// <summary>TempData does not live in the cookie: the project calls <c>AddSessionStateTempDataProvider()</c> or registers its own provider.</summary>
    public bool ReplacesCookieProvider { get; }

    /// <summary>The framework's <c>AddControllersWithViews</c> / <c>AddMvc</c> / <c>AddRazorPages</c> calls, in source order.</summary>
    public ImmutableArray<SyntaxNode> MvcRegistrations { get; }

    /// <summary>Each tree's share, kept across compilations while the tree and the declarations stay.</summary>
    private static readonly TreeSummaries<TreeShare> Shares = new(GatherTree);

    public static TempDataFacts Gather(CompilationModel model)
    {
        var replaces = false;
        var registrations = new List<SyntaxNode>();
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            var share = Shares.For(model, tree);
            replaces |= share.ReplacesCookieProvider;
            registrations.AddRange(share.MvcRegistrations);
        }

        return new TempDataFacts(replaces, registrations.OrderBy(n => n.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(n => n.SpanStart).ToImmutableArray());
    }

    private static TreeShare GatherTree(CompilationModel model, SyntaxTree tree)
    {
        if (!TreeText.MayMention(tree, WalkNames))
        {
            return TreeShare.Empty;
        }

        var types = model.Types;
        var share = new TreeShare();
        foreach (var invocation in TreeText.CallsTo(tree, WalkNames))
        {
            if (model.SemanticModelFor(tree).GetOperation(invocation) is not IInvocationOperation operation)
            {
                continue;
            }

            var method = operation.TargetMethod;
            if (method.Name == SessionProviderName && Symbols.Is(method.ContainingType, types.MvcViewFeaturesBuilderExtensions))
            {
                share.ReplacesCookieProvider = true;
            }
            else if (RegistrationNames.Contains(method.Name) && Symbols.Is(method.ContainingType, types.MvcServiceCollectionExtensions))
            {
                share.MvcRegistrations.Add(invocation);
            }
            else if (ServiceNames.Contains(method.Name) && RegistersOwnProvider(types, operation))
            {
                share.ReplacesCookieProvider = true;
            }
        }

        return share;
    }

    /// <summary><c>services.AddSingleton&lt;ITempDataProvider, MyProvider&gt;()</c>: any provider but the cookie one.</summary>
    private static bool RegistersOwnProvider(WellKnownTypes types, IInvocationOperation invocation)
    {
        if (types.TempDataProvider is not { } provider || !Symbols.Implements(Symbols.ReceiverType(invocation), types.ServiceCollection))
        {
            return false;
        }

        var named = invocation.TargetMethod.TypeArguments
            .Concat(invocation.Arguments.Select(a => OperationFlow.SkipConversions(a.Value)).OfType<ITypeOfOperation>().Select(t => t.TypeOperand))
            .ToList();
        return named.Contains(provider, SymbolEqualityComparer.Default)
            && !named.Contains(types.CookieTempDataProvider, SymbolEqualityComparer.Default);
    }

    /// <summary>One tree's share: its own nodes and a flag, so that it holds in the next compilation too.</summary>
    private sealed class TreeShare
    {
        public static readonly TreeShare Empty = new();

        public bool ReplacesCookieProvider { get; set; }

        public List<SyntaxNode> MvcRegistrations { get; } = new();
    }
}
