using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Session;

/// <summary>
/// Whether a call in source runs for the app, judged conservatively: it does unless it sits in a method that nothing
/// can call. A method is dead when it is ordinary (not an override, not an interface implementation, not the entry
/// point, not in a class the host calls by convention, one with <c>Configure</c> or <c>ConfigureServices</c>), no
/// live code in source refers to it, and no other assembly can call it: it is private, or the project is an app
/// with a host. An <c>AddSession()</c> in such a method registers nothing.
/// </summary>
internal sealed class LiveCode
{
    private const int MaxDepth = 4;
    private static readonly string[] ConventionMethods = { "Configure", "ConfigureServices" };

    private readonly CompilationModel _model;
    private readonly bool _isHostedApp;
    private readonly Dictionary<IMethodSymbol, bool> _known = new(SymbolEqualityComparer.Default);

    public LiveCode(CompilationModel model, bool isHostedApp)
    {
        _model = model;
        _isHostedApp = isHostedApp;
    }

    public bool Runs(SyntaxNode call) => Runs(call, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));

    private bool Runs(SyntaxNode node, int depth, HashSet<IMethodSymbol> visiting)
    {
        var member = node.AncestorsAndSelf().FirstOrDefault(n => n is MemberDeclarationSyntax);
        if (member is not MethodDeclarationSyntax declaration)
        {
            // Top-level statements, constructors, properties, field initializers: assumed to run.
            return true;
        }

        return _model.SemanticModelFor(declaration.SyntaxTree).GetDeclaredSymbol(declaration) is not IMethodSymbol method
            || IsLive(method, depth, visiting);
    }

    private bool IsLive(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting)
    {
        if (_known.TryGetValue(method, out var known))
        {
            return known;
        }

        if (depth > MaxDepth || MayBeCalledFromOutside(method))
        {
            return true;
        }

        if (!visiting.Add(method))
        {
            return false;
        }

        var live = ReferencedFromLiveCode(method, depth, visiting);
        visiting.Remove(method);
        if (visiting.Count == 0)
        {
            _known[method] = live;
        }

        return live;
    }

    private bool MayBeCalledFromOutside(IMethodSymbol method) =>
        method.MethodKind != MethodKind.Ordinary
        || method.IsOverride
        || method.IsVirtual
        || method.IsAbstract
        || ImplementsInterface(method)
        || SymbolEqualityComparer.Default.Equals(method, _model.Compilation.GetEntryPoint(default))
        || method.ContainingType.GetMembers().Any(m => m is IMethodSymbol && ConventionMethods.Contains(m.Name))
        || (!_isHostedApp && method.DeclaredAccessibility != Accessibility.Private);

    private static bool ImplementsInterface(IMethodSymbol method) =>
        method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name))
            .Any(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method));

    private bool ReferencedFromLiveCode(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visiting)
    {
        var names = new[] { method.Name };
        foreach (var tree in _model.Compilation.SyntaxTrees)
        {
            var positions = TreeText.Occurrences(tree, names);
            if (positions is { Count: 0 })
            {
                continue;
            }

            var root = tree.GetRoot();
            var tokens = positions is null
                ? root.DescendantTokens().Where(t => t.ValueText == method.Name)
                : positions.Select(p => root.FindToken(p)).Where(t => t.ValueText == method.Name);
            foreach (var token in tokens)
            {
                if (token.Parent is SimpleNameSyntax name
                    && Refers(_model.SemanticModelFor(tree).GetSymbolInfo(name), method)
                    && Runs(name, depth + 1, visiting))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A call or a method group (<c>services.Configure(AddParts)</c>) naming the method; candidates count when the code does not bind.</summary>
    private static bool Refers(SymbolInfo info, IMethodSymbol method) =>
        (info.Symbol is { } bound ? new[] { bound } : info.CandidateSymbols.ToArray())
            .OfType<IMethodSymbol>()
            .Any(s => SymbolEqualityComparer.Default.Equals((s.ReducedFrom ?? s).OriginalDefinition, method.OriginalDefinition));
}
