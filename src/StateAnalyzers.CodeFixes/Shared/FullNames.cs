using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace StateAnalyzers.CodeFixes.Shared;

/// <summary>
/// The type names a fix inserts are written fully qualified (<c>global::Microsoft.AspNetCore.Http.SameSiteMode.Lax</c>)
/// and annotated for the simplifier, so they bind to the intended type in any file (one that also imports
/// <c>Microsoft.Net.Http.Headers</c> has a <c>SameSiteMode</c> of its own) and read as short names, with a using
/// added, wherever that is unambiguous.
/// </summary>
internal static class FullNames
{
    private const string HttpPrefix = "global::Microsoft.AspNetCore.Http.";

    /// <summary>A type or enum member of <c>Microsoft.AspNetCore.Http</c>: <c>SameSiteMode.Lax</c>, <c>CookieOptions</c>.</summary>
    public static string Http(string name) => HttpPrefix + name;

    /// <summary>Marks inserted code for <see cref="CleanUpAsync"/>, which shortens the names where they stay unambiguous.</summary>
    public static T ToSimplify<T>(T node)
        where T : SyntaxNode =>
        node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    /// <summary>
    /// Finishes a fix of <paramref name="original"/> (<paramref name="position"/>: where the first edit was): adds
    /// <c>using Microsoft.AspNetCore.Http;</c> when marked names were inserted, the file lacks it and it makes no name
    /// of the file ambiguous; then shortens the marked names and formats what asks for it.
    /// </summary>
    public static async Task<Document> CleanUpAsync(Document original, SyntaxNode newRoot, int position, CancellationToken cancellationToken)
    {
        var model = await original.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await original.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var marked = newRoot.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).ToList();
        if (marked.Count > 0 && (model is null || root is null || !(Usings.InScope(model, position, "CookieOptions") || Usings.SafeToAdd(model, root))))
        {
            // The using would make a name of the file ambiguous: no import, for this pass or the code action's own.
            newRoot = newRoot.ReplaceNodes(marked, (_, node) => node.WithoutAnnotations(Simplifier.AddImportsAnnotation));
            marked.Clear();
        }

        var document = original.WithSyntaxRoot(newRoot);
        if (marked.Count > 0)
        {
            // The import adder puts the using in place, and only then does the simplifier shorten the names.
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
