using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Values;

/// <summary>
/// The most text a value of a type can become, in bytes, when the type has a fixed shape: scalars, and classes,
/// structs and records (in source or metadata) whose serialized members are themselves of fixed shape, recursively.
/// Null when it can grow: a collection, a string of unknown length, <c>object</c>, an interface or abstract type, a
/// type parameter, a recursive type, or a type that does not resolve. Estimates JSON, the serializers' common output;
/// a string member capped by <c>[StringLength(n)]</c> or <c>[MaxLength(n)]</c> counts as n characters, each escaped.
/// </summary>
internal static class SerializedSize
{
    private const int MaxDepth = 5;

    /// <summary>The longest escape of one UTF-16 character in JSON (<c>\u00e9</c>), as System.Text.Json writes non-ASCII.</summary>
    private const int MaxEscapedCharBytes = 6;

    private static readonly string[] IgnoreAttributes =
    {
        "System.Text.Json.Serialization.JsonIgnoreAttribute",
        "Newtonsoft.Json.JsonIgnoreAttribute",
        "System.Runtime.Serialization.IgnoreDataMemberAttribute",
        "System.Xml.Serialization.XmlIgnoreAttribute",
        "System.NonSerializedAttribute",
    };

    /// <summary>The largest text of a value of <paramref name="type"/>, or null when it has no bound.</summary>
    public static int? MaxBytes(ITypeSymbol? type) => MaxBytes(type, 0, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    /// <summary>The largest text of one scalar (a number, bool, char, date, GUID, enum), quotes included; null for any other type.</summary>
    public static int? ScalarMaxBytes(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            // Numbers by default; member names with a string-enum converter.
            var longestName = type.GetMembers().OfType<IFieldSymbol>().Select(f => f.Name.Length).DefaultIfEmpty(0).Max();
            return System.Math.Max(20, longestName + 2);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return 5;
            case SpecialType.System_Char:
                return MaxEscapedCharBytes + 2;
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
                return 6;
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
                return 11;
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return 20;
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return 24;
            case SpecialType.System_Decimal:
                return 31;
            case SpecialType.System_DateTime:
                return 36;
        }

        return ScalarTypes.IsScalar(type) ? 40 : null;
    }

    private static int? MaxBytes(ITypeSymbol? type, int depth, HashSet<ITypeSymbol> visiting)
    {
        if (type is null || depth > MaxDepth)
        {
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return MaxBytes(nullable.TypeArguments[0], depth, visiting);
        }

        if (ScalarMaxBytes(type) is { } scalar)
        {
            return scalar;
        }

        if (type is not INamedTypeSymbol named
            || named.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || named.IsAbstract
            || named.SpecialType is SpecialType.System_Object or SpecialType.System_String
            || IsCollection(named)
            || !visiting.Add(named))
        {
            return null;
        }

        var total = 2;
        foreach (var member in SerializedMembers(named))
        {
            var memberType = member is IPropertySymbol property ? property.Type : ((IFieldSymbol)member).Type;
            var value = memberType.SpecialType == SpecialType.System_String ? CappedString(member) : MaxBytes(memberType, depth + 1, visiting);
            if (value is null)
            {
                visiting.Remove(named);
                return null;
            }

            total += member.Name.Length + 4 + value.Value;
        }

        visiting.Remove(named);
        return total;
    }

    private static bool IsCollection(INamedTypeSymbol type) =>
        type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable);

    /// <summary>Public instance properties with a getter and public instance fields, base types included, unless ignored.</summary>
    private static IEnumerable<ISymbol> SerializedMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                var serialized = member switch
                {
                    IPropertySymbol property => !property.IsIndexer && property.GetMethod is not null && !property.IsOverride,
                    IFieldSymbol field => !field.IsConst && !field.IsImplicitlyDeclared,
                    _ => false,
                };
                if (serialized && !member.IsStatic && member.DeclaredAccessibility == Accessibility.Public && !IsIgnored(member))
                {
                    yield return member;
                }
            }
        }
    }

    private static bool IsIgnored(ISymbol member) =>
        member.GetAttributes().Any(a => IgnoreAttributes.Any(name => QualifiedNames.Is(a.AttributeClass, name)));

    /// <summary>A string member capped by a length attribute: its text at worst, escaped and quoted; null when uncapped.</summary>
    private static int? CappedString(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if ((QualifiedNames.Is(attribute.AttributeClass, "System.ComponentModel.DataAnnotations.StringLengthAttribute")
                    || QualifiedNames.Is(attribute.AttributeClass, "System.ComponentModel.DataAnnotations.MaxLengthAttribute"))
                && attribute.ConstructorArguments.FirstOrDefault().Value is int length and >= 0)
            {
                return (length * MaxEscapedCharBytes) + 2;
            }
        }

        return null;
    }
}
