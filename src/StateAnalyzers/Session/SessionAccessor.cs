using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Session;

/// <summary>
/// Finds C# text that reaches the request's <c>ISession</c> at a given place, for the fixes that move data into
/// the session or clear it: preferably from the same HttpContext the offending call used
/// (<c>context.Response.Cookies</c> gives <c>context.Session</c>), otherwise from what is in scope
/// (<c>HttpContext.Session</c> in controllers and pages, an <c>HttpContext</c>/<c>HttpRequest</c>/<c>HttpResponse</c>
/// parameter, an <c>IHttpContextAccessor</c> field: <c>accessor.HttpContext!.Session</c>).
/// </summary>
internal static class SessionAccessor
{
    /// <summary>Null when nothing in scope reaches the HttpContext.</summary>
    public static string? For(WellKnownTypes types, IOperation at, IOperation? httpOrigin)
    {
        // context.Response.Cookies: the HttpContext itself (context.Session) reads better than context.Response.HttpContext.Session.
        var chain = new List<IOperation>();
        for (var current = httpOrigin is null ? null : OperationFlow.SkipConversions(httpOrigin); current is not null; current = Receiver(current))
        {
            chain.Add(current);
        }

        return chain.Select(o => FromHttpContext(types, o)).FirstOrDefault(t => t is not null)
            ?? chain.Select(o => FromRequestOrResponse(types, o)).FirstOrDefault(t => t is not null)
            ?? InScope(types, at);
    }

    private static IOperation? Receiver(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation property => property.Instance is null ? null : OperationFlow.SkipConversions(property.Instance),
        IInvocationOperation invocation when invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 => OperationFlow.SkipConversions(invocation.Arguments[0].Value),
        IInvocationOperation invocation => invocation.Instance is null ? null : OperationFlow.SkipConversions(invocation.Instance),
        _ => null,
    };

    private static string? FromHttpContext(WellKnownTypes types, IOperation operation)
    {
        if (operation.IsImplicit || operation is IInstanceReferenceOperation || !Symbols.Is(operation.Type, types.HttpContext))
        {
            return null;
        }

        // accessor.HttpContext!.Response...: keep the null-forgiving operator the author wrote.
        var syntax = operation.Syntax.Parent is PostfixUnaryExpressionSyntax suppressed && suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression)
            ? suppressed
            : operation.Syntax;
        return syntax + ".Session";
    }

    private static string? FromRequestOrResponse(WellKnownTypes types, IOperation operation)
    {
        if (operation.IsImplicit || operation is IInstanceReferenceOperation || !(Symbols.Is(operation.Type, types.HttpResponse) || Symbols.Is(operation.Type, types.HttpRequest)))
        {
            return null;
        }

        // Response.Cookies in a controller or page: HttpContext.Session reads better than Response.HttpContext.Session.
        if (operation is IPropertyReferenceOperation { Instance: { IsImplicit: true } } && HasHttpContextProperty(types, operation.SemanticModel, operation.Syntax.SpanStart))
        {
            return "HttpContext.Session";
        }

        return operation.Syntax + ".HttpContext.Session";
    }

    private static string? InScope(WellKnownTypes types, IOperation at)
    {
        var model = at.SemanticModel;
        if (model is null)
        {
            return null;
        }

        var position = at.Syntax.SpanStart;
        if (HasHttpContextProperty(types, model, position))
        {
            return "HttpContext.Session";
        }

        foreach (var symbol in model.LookupSymbols(position))
        {
            var type = symbol switch
            {
                IParameterSymbol p => p.Type,
                ILocalSymbol l => l.Type,
                IFieldSymbol f => f.Type,
                IPropertySymbol p => p.Type,
                _ => null,
            };
            if (type is null)
            {
                continue;
            }

            if (Symbols.Is(type, types.HttpContext))
            {
                return symbol.Name + ".Session";
            }

            if (Symbols.Is(type, types.HttpRequest) || Symbols.Is(type, types.HttpResponse))
            {
                return symbol.Name + ".HttpContext.Session";
            }

            if (Symbols.Is(type, types.HttpContextAccessor))
            {
                return symbol.Name + ".HttpContext!.Session";
            }
        }

        return null;
    }

    /// <summary>Controllers, pages, view components and Razor views expose <c>HttpContext</c> as an instance property.</summary>
    private static bool HasHttpContextProperty(WellKnownTypes types, SemanticModel? model, int position)
    {
        var enclosing = model?.GetEnclosingSymbol(position);
        if (enclosing is null || enclosing.IsStatic || enclosing.ContainingType is not { } type)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers("HttpContext").OfType<IPropertySymbol>().Any(p => !p.IsStatic && Symbols.Is(p.Type, types.HttpContext)))
            {
                return true;
            }
        }

        return false;
    }
}
