using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.SignOuts;

/// <summary>
/// Recognizes sign-outs by symbol: <c>HttpContext.SignOutAsync</c> (every overload), <c>IAuthenticationService.SignOutAsync</c>,
/// <c>SignInManager&lt;TUser&gt;.SignOutAsync</c>, <c>SignOut(...)</c> in a controller or page, <c>new SignOutResult(...)</c>,
/// <c>Results.SignOut</c> and <c>TypedResults.SignOut</c>; and tells a logout from a sign-out that is not one
/// (the Identity external and two-factor schemes, the schemes the project registers as a remote handler's sign-in
/// scheme (<see cref="ExternalSignInSchemes"/>), revocations inside cookie authentication events).
/// </summary>
internal sealed class SignOutRecognizer
{
    /// <summary>The values of <c>IdentityConstants.ExternalScheme</c>, <c>TwoFactorUserIdScheme</c> and <c>TwoFactorRememberMeScheme</c>.</summary>
    private static readonly ImmutableHashSet<string> NotLogoutSchemeValues =
        ImmutableHashSet.Create(StringComparer.Ordinal, "Identity.External", "Identity.TwoFactorUserId", "Identity.TwoFactorRememberMe");

    private static readonly ImmutableHashSet<string> NotLogoutSchemeFields =
        ImmutableHashSet.Create(StringComparer.Ordinal, "ExternalScheme", "TwoFactorUserIdScheme", "TwoFactorRememberMeScheme");

    /// <summary>The methods that sign out, by name: <c>SignOutAsync</c> and <c>SignOut</c>.</summary>
    public static readonly ImmutableHashSet<string> CallNames = ImmutableHashSet.Create(StringComparer.Ordinal, "SignOutAsync", "SignOut");

    private const string ResultTypeName = "SignOutResult";

    private readonly CompilationModel _model;
    private readonly Lazy<ImmutableHashSet<string>> _resultTypeNames;
    private readonly Lazy<ExternalSignInSchemes> _externalSchemes;

    public SignOutRecognizer(CompilationModel model)
    {
        _model = model;
        _resultTypeNames = new Lazy<ImmutableHashSet<string>>(() => GatherResultTypeNames(model.Compilation));
        _externalSchemes = new Lazy<ExternalSignInSchemes>(() => ExternalSignInSchemes.Gather(model));
    }

    /// <summary><c>SignOutResult</c> and the using aliases of the compilation that name it.</summary>
    public ImmutableHashSet<string> ResultTypeNames => _resultTypeNames.Value;

    /// <summary>
    /// The syntax side of <see cref="From"/> for object creations: <c>new SignOutResult(...)</c>, through a using
    /// alias too, or a target-typed <c>new(...)</c> unless the type it creates is written out nearby and is not one
    /// (<c>CookieOptions options = new() { ... }</c>).
    /// </summary>
    public bool MayCreate(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax explicitCreation => SyntaxNames.Rightmost(explicitCreation.Type) is { } name && _resultTypeNames.Value.Contains(name),
        _ => TargetType(creation) is not { } target || target.DescendantNodesAndSelf().Any(n => n is SimpleNameSyntax name && _resultTypeNames.Value.Contains(name.Identifier.ValueText)),
    };

    /// <summary>The type a target-typed creation takes from its declaration or its method's return type, when the syntax spells it.</summary>
    private static TypeSyntax? TargetType(SyntaxNode creation)
    {
        switch (creation.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } }:
                return declaration.Type;
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return property.Type;
            case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                for (var node = creation.Parent.Parent; node is not null; node = node.Parent)
                {
                    switch (node)
                    {
                        case AnonymousFunctionExpressionSyntax:
                            return null;
                        case MethodDeclarationSyntax method:
                            return method.ReturnType;
                        case LocalFunctionStatementSyntax local:
                            return local.ReturnType;
                        case PropertyDeclarationSyntax property:
                            return property.Type;
                        case MemberDeclarationSyntax:
                            return null;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>Each tree's using aliases (alias, rightmost name of the target), on syntax alone: kept for the tree's lifetime.</summary>
    private static readonly SyntaxSummaries<List<(string Alias, string Target)>> AliasesByTree = new(AliasesIn);

    private static List<(string Alias, string Target)> AliasesIn(SyntaxTree tree)
    {
        var aliases = new List<(string Alias, string Target)>();
        foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
        {
            if (node is UsingDirectiveSyntax { Alias: { } alias, Name: { } target } && SyntaxNames.Rightmost(target) is { } targetName)
            {
                aliases.Add((alias.Name.Identifier.ValueText, targetName));
            }
        }

        return aliases;
    }

    /// <summary><c>SignOutResult</c> and every using alias in the compilation that names it, directly or through another alias.</summary>
    private static ImmutableHashSet<string> GatherResultTypeNames(Compilation compilation)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        names.Add(ResultTypeName);
        for (var added = new List<string> { ResultTypeName }; added.Count > 0;)
        {
            var searched = added;
            added = new List<string>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var (alias, targetName) in AliasesByTree.For(tree))
                {
                    if (searched.Contains(targetName) && names.Add(alias))
                    {
                        added.Add(alias);
                    }
                }
            }
        }

        return names.ToImmutable();
    }

    private WellKnownTypes Types => _model.Types;

    /// <summary>The sign-out an invocation or object creation makes, or null.</summary>
    public SignOut? From(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => FromInvocation(invocation),
        IObjectCreationOperation creation => FromCreation(creation),
        _ => null,
    };

    /// <summary>Whether the sign-out ends the user's login, judged by the schemes it names.</summary>
    public bool IsLogout(SignOut signOut) => IsLogout(signOut, scheme => scheme);

    /// <summary>
    /// Same, with a way to replace scheme values first: a wrapper's scheme parameter is judged by the argument at the
    /// call site. A sign-out is not a logout only when it names schemes and every one is external or two-factor.
    /// </summary>
    public bool IsLogout(SignOut signOut, Func<IOperation, IOperation?> resolve)
    {
        if (signOut.SchemesUnknown || signOut.Schemes.IsEmpty)
        {
            return true;
        }

        return !signOut.Schemes.All(s => resolve(s) is { } value && IsNotLogoutScheme(value));
    }

    /// <summary>
    /// Sign-outs that revoke rather than log out, or that are the framework's own plumbing: inside a cookie
    /// authentication event (a method or lambda taking <c>CookieValidatePrincipalContext</c>, a
    /// <c>CookieAuthenticationEvents</c> subclass), inside an <c>IAuthenticationService</c> implementation, or inside
    /// an override of <c>SignInManager.SignOutAsync</c>.
    /// </summary>
    public bool IsInNonLogoutContext(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            var symbol = current switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };
            if (symbol is not null && TakesValidatePrincipalContext(symbol))
            {
                return true;
            }
        }

        var enclosing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
        for (var symbol = enclosing; symbol is not null && symbol is not INamespaceSymbol; symbol = symbol.ContainingSymbol)
        {
            if (symbol is IMethodSymbol method && (TakesValidatePrincipalContext(method) || IsFrameworkSignOut(method)))
            {
                return true;
            }

            if (symbol is INamedTypeSymbol type && Symbols.DerivesFrom(type, Types.CookieAuthenticationEvents))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The call as written, without its arguments, for messages: <c>'HttpContext.SignOutAsync'</c>.</summary>
    public static string DisplayName(IOperation operation)
    {
        string text;
        switch (operation.Syntax)
        {
            case InvocationExpressionSyntax invocation:
                text = Compact(invocation.Expression);
                if (text.Length > 60 && invocation.Expression is MemberAccessExpressionSyntax member)
                {
                    text = member.Name.ToString();
                }

                break;
            case BaseObjectCreationExpressionSyntax creation:
                text = creation is ObjectCreationExpressionSyntax explicitCreation ? "new " + Compact(explicitCreation.Type) : "new SignOutResult";
                break;
            default:
                text = Compact(operation.Syntax);
                break;
        }

        return "'" + text + "'";
    }

    private SignOut? FromInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        switch (method.Name)
        {
            case "SignOutAsync" when Symbols.Is(method.ContainingType, Types.AuthenticationHttpContextExtensions):
                return Create(invocation, SignOutKind.HttpContext, Argument(invocation, "context"), Scalar(invocation, "scheme"));
            case "SignOutAsync" when IsAuthenticationServiceSignOut(method):
                return Create(invocation, SignOutKind.AuthenticationService, Argument(invocation, "context"), Scalar(invocation, "scheme"));
            case "SignOutAsync" when IsSignInManagerSignOut(method):
                return Create(invocation, SignOutKind.SignInManager, null, (ImmutableArray<IOperation>.Empty, false));
            case "SignOut" when Symbols.DerivesFrom(method.ContainingType, Types.ControllerBase) || Symbols.DerivesFrom(method.ContainingType, Types.PageModel) || Symbols.DerivesFrom(method.ContainingType, Types.PageBase):
                if (!Symbols.Is(method.ReturnType, Types.SignOutResult))
                {
                    return null;
                }

                return Create(invocation, SignOutKind.ActionResult, null, Collection(invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "authenticationSchemes")));
            case "SignOut" when Symbols.Is(method.ContainingType, Types.Results) || Symbols.Is(method.ContainingType, Types.TypedResults):
                return Create(invocation, SignOutKind.HttpResult, null, Collection(invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "authenticationSchemes")));
            default:
                return null;
        }
    }

    private SignOut? FromCreation(IObjectCreationOperation creation)
    {
        if (!Symbols.Is(creation.Type, Types.SignOutResult))
        {
            return null;
        }

        var single = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "authenticationScheme");
        var schemes = single is not null
            ? (ImmutableArray.Create(single.Value), false)
            : Collection(creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "authenticationSchemes"));
        return Create(creation, SignOutKind.ActionResult, null, schemes);
    }

    private static SignOut Create(IOperation operation, SignOutKind kind, IOperation? httpContext, (ImmutableArray<IOperation> Values, bool Unknown) schemes) =>
        new(operation, kind, httpContext, schemes.Values.Where(v => !IsNull(v)).ToImmutableArray(), schemes.Unknown, DisplayName(operation));

    private bool IsAuthenticationServiceSignOut(IMethodSymbol method)
    {
        var service = Types.AuthenticationService;
        if (service is null)
        {
            return false;
        }

        if (Symbols.Is(method.ContainingType, service))
        {
            return true;
        }

        var member = service.GetMembers("SignOutAsync").FirstOrDefault();
        return member is not null
            && Symbols.Implements(method.ContainingType, service)
            && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method);
    }

    private bool IsSignInManagerSignOut(IMethodSymbol method)
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

    /// <summary>The framework's own sign-out implementations: an <c>IAuthenticationService</c> (a decorator) or a <c>SignInManager</c> override.</summary>
    private bool IsFrameworkSignOut(IMethodSymbol method) =>
        method.Name == "SignOutAsync"
        && method.MethodKind == MethodKind.Ordinary
        && (IsAuthenticationServiceSignOut(method) || (method.IsOverride && IsSignInManagerSignOut(method)));

    private bool TakesValidatePrincipalContext(IMethodSymbol method) =>
        Types.CookieValidatePrincipalContext is { } context && method.Parameters.Any(p => Symbols.DerivesFrom(p.Type, context));

    /// <summary>The Identity external or two-factor scheme, by value or by <c>IdentityConstants</c> field (sign-ins are judged by it too).</summary>
    public bool IsNotLogoutScheme(IOperation scheme)
    {
        scheme = OperationFlow.SkipConversions(scheme);
        if (_externalSchemes.Value.Contains(scheme))
        {
            return true;
        }

        if (scheme.ConstantValue.HasValue)
        {
            return scheme.ConstantValue.Value is string value && NotLogoutSchemeValues.Contains(value);
        }

        var member = scheme switch
        {
            IFieldReferenceOperation field => (ISymbol)field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        return member is not null
            && NotLogoutSchemeFields.Contains(member.Name)
            && Symbols.Is(member.ContainingType, Types.IdentityConstants);
    }

    private static IOperation? Argument(IInvocationOperation invocation, string parameter) =>
        invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter && a.ArgumentKind != ArgumentKind.DefaultValue)?.Value;

    /// <summary>A single scheme argument: absent (or null) means the default scheme.</summary>
    private static (ImmutableArray<IOperation>, bool) Scalar(IInvocationOperation invocation, string parameter) =>
        Argument(invocation, parameter) is { } value ? (ImmutableArray.Create(value), false) : (ImmutableArray<IOperation>.Empty, false);

    /// <summary>A collection of schemes: a params array, an array or list spelled out, or a collection expression.</summary>
    private static (ImmutableArray<IOperation>, bool) Collection(IArgumentOperation? argument)
    {
        if (argument is null || argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return (ImmutableArray<IOperation>.Empty, false);
        }

        var value = OperationFlow.SkipConversions(argument.Value);
        if (IsNull(value))
        {
            return (ImmutableArray<IOperation>.Empty, false);
        }

        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return (initializer.ElementValues, false);
            case IArrayCreationOperation array when array.DimensionSizes.All(d => d.ConstantValue.Value is 0):
                return (ImmutableArray<IOperation>.Empty, false);
            case IObjectCreationOperation { Initializer: { } initializer }:
                var added = initializer.Initializers.OfType<IInvocationOperation>().Where(i => i.Arguments.Length == 1).Select(i => i.Arguments[0].Value).ToImmutableArray();
                return added.Length == initializer.Initializers.Length ? (added, false) : (ImmutableArray<IOperation>.Empty, true);
        }

        // Collection expressions ([a, b]) have no IOperation of their own in Roslyn 4.8: read their elements one by one.
        if (value.Syntax is CollectionExpressionSyntax collection && value.SemanticModel is { } semanticModel)
        {
            var elements = new List<IOperation>();
            foreach (var element in collection.Elements)
            {
                if (element is not ExpressionElementSyntax expression || semanticModel.GetOperation(expression.Expression) is not { } operation)
                {
                    return (ImmutableArray<IOperation>.Empty, true);
                }

                elements.Add(operation);
            }

            return (elements.ToImmutableArray(), false);
        }

        return (ImmutableArray<IOperation>.Empty, true);
    }

    private static bool IsNull(IOperation operation) =>
        OperationFlow.SkipConversions(operation) is { ConstantValue: { HasValue: true, Value: null } };

    private static string Compact(SyntaxNode node) =>
        string.Concat(node.DescendantTokens().Select(t => t.Text));
}
