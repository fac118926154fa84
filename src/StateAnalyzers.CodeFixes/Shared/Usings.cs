using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace StateAnalyzers.CodeFixes.Shared;

/// <summary>The using directives a fix adds for the types and extension methods it introduces, only when not in scope already.</summary>
internal static class Usings
{
    public const string HttpNamespace = "Microsoft.AspNetCore.Http";

    /// <summary>Whether a type named <paramref name="typeName"/> of <paramref name="namespace"/> binds at the position (a using, a global using, or the namespace itself).</summary>
    public static bool InScope(SemanticModel model, int position, string typeName, string @namespace = HttpNamespace) =>
        model.LookupNamespacesAndTypes(position, name: typeName)
            .Any(s => s.ContainingNamespace?.ToDisplayString() == @namespace);

    /// <summary>
    /// Whether <c>using <paramref name="namespace"/>;</c> can join the file without making a name in it ambiguous: no
    /// simple name in the file that reads as a type of another namespace has the name of a type in this one
    /// (<c>SameSiteMode</c> of <c>Microsoft.Net.Http.Headers</c> against <c>Microsoft.AspNetCore.Http.SameSiteMode</c>).
    /// </summary>
    public static bool SafeToAdd(SemanticModel model, SyntaxNode root, string @namespace = HttpNamespace)
    {
        var names = new HashSet<string>(TypeNames(model.Compilation, @namespace), StringComparer.Ordinal);
        foreach (var name in root.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            // Only a name that stands first is looked up among the usings, not the right side of A.B.
            if (!names.Contains(name.Identifier.ValueText)
                || (name.Parent is QualifiedNameSyntax qualified && qualified.Right == name)
                || (name.Parent is MemberAccessExpressionSyntax access && access.Name == name))
            {
                continue;
            }

            if (model.GetSymbolInfo(name).Symbol is ITypeSymbol type && type.ContainingNamespace?.ToDisplayString() != @namespace)
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> TypeNames(Compilation compilation, string @namespace)
    {
        INamespaceSymbol? current = compilation.GlobalNamespace;
        foreach (var part in @namespace.Split('.'))
        {
            current = current?.GetNamespaceMembers().FirstOrDefault(n => n.Name == part);
        }

        return current is null ? Enumerable.Empty<string>() : current.GetTypeMembers().Select(t => t.Name);
    }

    /// <summary>
    /// <c>using <paramref name="namespace"/>;</c> in sorted position, unless the file has it. An elastic
    /// <paramref name="newLine"/> lets the formatter set the directives off from the code with a blank line.
    /// </summary>
    public static SyntaxNode Add(SyntaxNode root, SyntaxTrivia newLine, string @namespace = HttpNamespace)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Alias is null && u.Name?.ToString() == @namespace))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(@namespace)).WithAdditionalAnnotations(Formatter.Annotation);
        var index = unit.Usings.TakeWhile(u => u.Alias is null && u.StaticKeyword == default && string.CompareOrdinal(u.Name?.ToString(), @namespace) < 0).Count();

        // A file without usings gets a blank line between the new directive and the code.
        var usings = unit.Usings.Insert(index, unit.Usings.Count == 0 ? directive.WithTrailingTrivia(newLine, newLine) : directive.WithTrailingTrivia(newLine));
        return unit.WithUsings(usings);
    }

    /// <summary>The document's own line ending, as an elastic trivia the formatter may place.</summary>
    public static SyntaxTrivia NewLineOf(SyntaxNode root) =>
        SyntaxFactory.ElasticEndOfLine(root.ToFullString().Contains("\r\n") ? "\r\n" : "\n");
}
