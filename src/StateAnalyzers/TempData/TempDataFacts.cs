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
/// Where the project keeps TempData, gathered once per compilation the first time a rule asks: whether it replaces
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

    public static TempDataFacts Gather(CompilationModel model)
    {
        var types = model.Types;
        var replaces = false;
        var registrations = new List<SyntaxNode>();
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            if (!TreeText.MayMention(tree, WalkNames))
            {
                continue;
            }

            foreach (var invocation in TreeText.CallsTo(tree, WalkNames))
            {
                if (model.SemanticModelFor(tree).GetOperation(invocation) is not IInvocationOperation operation)
                {
                    continue;
                }

                var method = operation.TargetMethod;
                if (method.Name == SessionProviderName && Symbols.Is(method.ContainingType, types.MvcViewFeaturesBuilderExtensions))
                {
                    replaces = true;
                }
                else if (RegistrationNames.Contains(method.Name) && Symbols.Is(method.ContainingType, types.MvcServiceCollectionExtensions))
                {
                    registrations.Add(invocation);
                }
                else if (ServiceNames.Contains(method.Name) && RegistersOwnProvider(types, operation))
                {
                    replaces = true;
                }
            }
        }

        return new TempDataFacts(replaces, registrations.OrderBy(n => n.SyntaxTree.FilePath, StringComparer.Ordinal).ThenBy(n => n.SpanStart).ToImmutableArray());
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
}
