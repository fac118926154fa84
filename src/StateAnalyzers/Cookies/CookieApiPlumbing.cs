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
    public static bool IsInside(IOperation operation, WellKnownTypes types)
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
