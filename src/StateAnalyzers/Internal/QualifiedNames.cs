using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Internal;

/// <summary>
/// Compares a type's or namespace's fully qualified name with a string without building the name: the rules ask
/// this of every call they follow, and <c>ToDisplayString()</c> allocated a string each time.
/// </summary>
internal static class QualifiedNames
{
    /// <summary>Whether <paramref name="symbol"/> is the non-generic type or the namespace named <paramref name="qualifiedName"/> (<c>"System.Text.Encoding"</c>).</summary>
    public static bool Is(ISymbol? symbol, string qualifiedName)
    {
        var end = qualifiedName.Length;
        while (symbol is not null and not INamespaceSymbol { IsGlobalNamespace: true })
        {
            if (symbol is INamedTypeSymbol { Arity: > 0 })
            {
                return false;
            }

            var name = symbol.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(qualifiedName, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            symbol = symbol.ContainingSymbol;
            if (symbol is null or INamespaceSymbol { IsGlobalNamespace: true })
            {
                return start == 0;
            }

            if (start == 0 || qualifiedName[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }
}
