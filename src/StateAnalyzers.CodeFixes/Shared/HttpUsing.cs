using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace StateAnalyzers.CodeFixes.Shared;

/// <summary><c>using Microsoft.AspNetCore.Http;</c> for fixes that introduce its types or extension methods, only when it is not in scope already.</summary>
internal static class HttpUsing
{
    private const string HttpNamespace = "Microsoft.AspNetCore.Http";

    /// <summary>Whether a type of the namespace binds at the position (a using, a global using, or the namespace itself).</summary>
    public static bool InScope(SemanticModel model, int position, string typeName) =>
        model.LookupNamespacesAndTypes(position, name: typeName)
            .Any(s => s.ContainingNamespace?.ToDisplayString() == HttpNamespace);

    public static SyntaxNode Add(SyntaxNode root, SyntaxTrivia newLine)
    {
        if (root is not CompilationUnitSyntax unit)
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(HttpNamespace)).WithAdditionalAnnotations(Formatter.Annotation);
        var index = unit.Usings.TakeWhile(u => u.Alias is null && u.StaticKeyword == default && string.CompareOrdinal(u.Name?.ToString(), HttpNamespace) < 0).Count();

        // A file without usings gets a blank line between the new directive and the code.
        var usings = unit.Usings.Insert(index, unit.Usings.Count == 0 ? directive.WithTrailingTrivia(newLine, newLine) : directive.WithTrailingTrivia(newLine));
        return unit.WithUsings(usings);
    }

    /// <summary>The document's own line ending, as an elastic trivia the formatter may place.</summary>
    public static SyntaxTrivia NewLineOf(SyntaxNode root) =>
        SyntaxFactory.ElasticEndOfLine(root.ToFullString().Contains("\r\n") ? "\r\n" : "\n");
}
