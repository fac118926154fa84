using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// Code that implements the cookie API itself: a type implementing <c>IResponseCookies</c> (a wrapper that forwards
/// <c>Append(key, value)</c> to its own overload with <c>new CookieOptions()</c>, a decorator around the framework's
/// cookies). Its writes are plumbing, not the app's cookies: what the app writes is judged where it calls the wrapper.
/// </summary>
internal static class CookieApiPlumbing
{
    /// <summary>Decided once per type declaration: every operation in a type has that type around it.</summary>
    public static bool IsInside(IOperation operation, CompilationModel model)
    {
        if (operation.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } declaration)
        {
            return false;
        }

        return model.CookieApiTypes.TryGetValue(declaration, out var inside)
            ? inside
            : model.CookieApiTypes.GetOrAdd(declaration, Implements(operation, model.Types));
    }

    private static bool Implements(IOperation operation, WellKnownTypes types)
    {
        // Only a type that lists a base type or interface can implement IResponseCookies: most writes stop here, unbound.
        if (!operation.Syntax.Ancestors().Any(n => n is TypeDeclarationSyntax { BaseList: not null }))
        {
            return false;
        }

        var enclosing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        for (var type = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType; type is not null; type = type.ContainingType)
        {
            if (Symbols.Implements(type, types.ResponseCookies))
            {
                return true;
            }
        }

        return false;
    }
}
