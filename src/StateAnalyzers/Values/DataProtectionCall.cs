using System.Linq;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Values;

/// <summary>
/// ASP.NET Core Data Protection's <c>Protect</c>: <c>IDataProtector.Protect</c> and its extensions, and
/// <c>ISecureDataFormat&lt;T&gt;.Protect</c> (what the authentication handlers seal their state and correlation cookies
/// with: <c>PropertiesDataFormat</c>, <c>TicketDataFormat</c>, <c>SecureDataFormat&lt;T&gt;</c>), called on the interface
/// or on a type that implements it.
/// </summary>
internal static class DataProtectionCall
{
    private const string SecureDataFormatName = "ISecureDataFormat";

    public static bool IsProtect(IMethodSymbol method) =>
        method.Name == "Protect"
        && (QualifiedNames.Is(method.ContainingNamespace, "Microsoft.AspNetCore.DataProtection") || IsSecureDataFormat(method.ContainingType));

    private static bool IsSecureDataFormat(INamedTypeSymbol? type) =>
        type is not null && (IsSecureDataFormatInterface(type) || type.AllInterfaces.Any(IsSecureDataFormatInterface));

    private static bool IsSecureDataFormatInterface(INamedTypeSymbol type) =>
        type is { Name: SecureDataFormatName, Arity: 1, TypeKind: TypeKind.Interface }
        && QualifiedNames.Is(type.ContainingNamespace, "Microsoft.AspNetCore.Authentication");
}
