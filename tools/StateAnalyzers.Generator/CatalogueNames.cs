using System.Reflection;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Generator;

/// <summary>The C# names of the catalogue's constants, so generated code refers to them instead of repeating their values.</summary>
internal static class CatalogueNames
{
    private static readonly FieldInfo[] Constants = typeof(RuleCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .ToArray();

    /// <summary><c>RuleCatalog.SecurityCategory</c> for "Security".</summary>
    public static string Category(string category) => Constant(category, "Category");

    /// <summary><c>RuleCatalog.DefaultVariant</c> for "Default".</summary>
    public static string Variant(string variant) => Constant(variant, "Variant");

    private static string Constant(string value, string suffix)
    {
        var field = Constants.SingleOrDefault(f => f.Name.EndsWith(suffix, StringComparison.Ordinal) && (string?)f.GetRawConstantValue() == value)
            ?? throw new InvalidOperationException($"RuleCatalog has no *{suffix} constant for '{value}'");
        return nameof(RuleCatalog) + "." + field.Name;
    }
}
