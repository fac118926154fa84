using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Values;

/// <summary>Values of fixed small size that carry no free text: numbers, bools, chars, dates, GUIDs, enums.</summary>
internal static class ScalarTypes
{
    public static bool IsScalar(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
                return true;
        }

        return type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true }
            && type is INamedTypeSymbol { Arity: 0, Name: "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" };
    }
}
