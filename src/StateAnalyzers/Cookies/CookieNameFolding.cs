using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// A cookie name as a string when the code fixes it: a compile-time constant, one of the framework's
/// <c>static readonly</c> cookie names whose value the runtime defines (<c>CookieRequestCultureProvider.DefaultCookieName</c>
/// is <c>.AspNetCore.Culture</c>), or a concatenation of those.
/// </summary>
internal static class CookieNameFolding
{
    private static readonly (string Type, string Field, string Value)[] FrameworkNames =
    {
        ("Microsoft.AspNetCore.Localization.CookieRequestCultureProvider", "DefaultCookieName", ".AspNetCore.Culture"),
        ("Microsoft.AspNetCore.Session.SessionDefaults", "CookieName", ".AspNetCore.Session"),
        ("Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider", "CookieName", ".AspNetCore.Mvc.CookieTempDataProvider"),
        ("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults", "CookiePrefix", ".AspNetCore."),
        ("Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions", "DefaultCookiePrefix", ".AspNetCore.Antiforgery."),
    };

    public static string? Fold(IOperation? name, int depth = 0)
    {
        if (name is null || depth > 8)
        {
            return null;
        }

        if (name.ConstantValue.HasValue)
        {
            return name.ConstantValue.Value as string;
        }

        switch (OperationFlow.SkipConversions(name))
        {
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                foreach (var (type, fieldName, value) in FrameworkNames)
                {
                    if (field.Name == fieldName && QualifiedNames.Is(field.ContainingType, type))
                    {
                        return value;
                    }
                }

                return null;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation when concatenation.Type?.SpecialType == SpecialType.System_String:
                return Fold(concatenation.LeftOperand, depth + 1) is { } left && Fold(concatenation.RightOperand, depth + 1) is { } right ? left + right : null;
            default:
                return null;
        }
    }
}
