using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;
using StateAnalyzers.SignOuts;

namespace StateAnalyzers.SignIns;

/// <summary>
/// Recognizes sign-ins by symbol (STATE008, STATE009): <c>HttpContext.SignInAsync</c> (every overload),
/// <c>IAuthenticationService.SignInAsync</c>, the <c>SignInManager&lt;TUser&gt;</c> sign-ins (<c>SignInAsync</c>,
/// <c>PasswordSignInAsync</c>, <c>SignInWithClaimsAsync</c>, <c>ExternalLoginSignInAsync</c>, the
/// <c>TwoFactor*SignInAsync</c> family; a derived manager included), <c>SignIn(...)</c> in a controller or page,
/// <c>Results.SignIn</c> and <c>TypedResults.SignIn</c>; and tells a login from a sign-in to the Identity external or
/// two-factor schemes, judged the way <see cref="SignOutRecognizer"/> judges sign-outs.
/// </summary>
internal sealed class SignInRecognizer
{
    /// <summary>The methods that sign in, by name.</summary>
    public static readonly ImmutableHashSet<string> CallNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "SignInAsync", "PasswordSignInAsync", "SignInWithClaimsAsync", "ExternalLoginSignInAsync",
        "TwoFactorSignInAsync", "TwoFactorAuthenticatorSignInAsync", "TwoFactorRecoveryCodeSignInAsync", "SignIn");

    private static readonly ImmutableHashSet<string> ManagerSignIns = CallNames.Remove("SignIn");

    private readonly CompilationModel _model;

    public SignInRecognizer(CompilationModel model)
    {
        _model = model;
    }

    private WellKnownTypes Types => _model.Types;

    /// <summary>The sign-in an invocation makes, or null.</summary>
    public SignIn? From(IOperation operation)
    {
        if (operation is not IInvocationOperation invocation || !CallNames.Contains(invocation.TargetMethod.Name))
        {
            return null;
        }

        var method = invocation.TargetMethod;
        if (method.Name == "SignInAsync" && Symbols.Is(method.ContainingType, Types.AuthenticationHttpContextExtensions))
        {
            return Create(invocation, Argument(invocation, "context"), Argument(invocation, "scheme"));
        }

        if (method.Name == "SignInAsync" && Types.AuthenticationService is { } service && Symbols.Implements(method.ContainingType, service) && IsInterfaceMember(method, service))
        {
            return Create(invocation, Argument(invocation, "context"), Argument(invocation, "scheme"));
        }

        if (ManagerSignIns.Contains(method.Name) && IsSignInManagerMethod(method))
        {
            return Create(invocation, null, null);
        }

        if (method.Name == "SignIn"
            && (Symbols.DerivesFrom(method.ContainingType, Types.ControllerBase) || Symbols.DerivesFrom(method.ContainingType, Types.PageModel) || Symbols.DerivesFrom(method.ContainingType, Types.PageBase))
            && Symbols.Is(method.ReturnType, Types.MvcSignInResult))
        {
            return Create(invocation, null, Argument(invocation, "authenticationScheme"));
        }

        if (method.Name == "SignIn" && (Symbols.Is(method.ContainingType, Types.Results) || Symbols.Is(method.ContainingType, Types.TypedResults)))
        {
            return Create(invocation, null, Argument(invocation, "authenticationScheme"));
        }

        return null;
    }

    /// <summary>Whether the sign-in logs the user in: not when every scheme it names is the external or a two-factor scheme.</summary>
    public bool IsLogin(SignIn signIn) =>
        signIn.Schemes.IsEmpty || !signIn.Schemes.All(_model.SignOuts.IsNotLogoutScheme);

    /// <summary>
    /// The framework's own sign-in implementations, which are not logins of the app: inside an
    /// <c>IAuthenticationService</c> implementation (a decorator) or an override of a <c>SignInManager</c> sign-in.
    /// </summary>
    public bool IsFrameworkPlumbing(IOperation operation)
    {
        var enclosing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        for (var symbol = enclosing; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                && ((method.IsOverride && ManagerSignIns.Contains(method.Name) && IsSignInManagerMethod(method))
                    || (method.Name == "SignInAsync" && Types.AuthenticationService is { } service && Symbols.Implements(method.ContainingType, service) && IsInterfaceMember(method, service))))
            {
                return true;
            }
        }

        return false;
    }

    private SignIn Create(IInvocationOperation invocation, IOperation? httpContext, IOperation? scheme)
    {
        var properties = invocation.Arguments
            .FirstOrDefault(a => a.ArgumentKind != ArgumentKind.DefaultValue && Symbols.Is(a.Parameter?.Type, Types.AuthenticationProperties))?.Value;
        var schemes = scheme is null || OperationFlow.SkipConversions(scheme).ConstantValue is { HasValue: true, Value: null }
            ? ImmutableArray<IOperation>.Empty
            : ImmutableArray.Create(scheme);
        return new SignIn(invocation, httpContext, schemes, properties, SignOutRecognizer.DisplayName(invocation));
    }

    private bool IsSignInManagerMethod(IMethodSymbol method)
    {
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (Symbols.Is(current.ContainingType, Types.SignInManager))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInterfaceMember(IMethodSymbol method, INamedTypeSymbol service)
    {
        if (Symbols.Is(method.ContainingType, service))
        {
            return true;
        }

        var member = service.GetMembers("SignInAsync").FirstOrDefault();
        return member is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method);
    }

    private static IOperation? Argument(IInvocationOperation invocation, string parameter) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter && a.ArgumentKind != ArgumentKind.DefaultValue)?.Value;
}
