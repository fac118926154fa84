using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// Recognizes the writes that put a cookie on a response, by symbol: <c>IResponseCookies.Append</c> (every
/// overload, through any receiver) and raw Set-Cookie header writes. Deletes are not writes.
/// </summary>
internal sealed class CookieWriteRecognizer
{
    /// <summary>The name of <c>IResponseCookies.Append</c>, and of the header dictionary's <c>Append</c>.</summary>
    public const string AppendName = "Append";

    /// <summary>The calls <see cref="MayWrite(InvocationExpressionSyntax, string, SetCookieNameSyntax)"/> may accept, by name.</summary>
    public static readonly ImmutableArray<string> CallNames = ImmutableArray.Create(AppendName, AddName, TryAddName);

    /// <summary>The header dictionary's <c>SetCookie</c> property.</summary>
    public const string SetCookieProperty = "SetCookie";

    private const string AddName = "Add";
    private const string TryAddName = "TryAdd";
    private const string SetCookieHeader = "Set-Cookie";
    private readonly CompilationModel _model;

    public CookieWriteRecognizer(CompilationModel model)
    {
        _model = model;
    }

    private WellKnownTypes Types => _model.Types;

    /// <summary><c>cookies.Append(...)</c>, <c>headers.Append("Set-Cookie", ...)</c>, <c>headers.Add("Set-Cookie", ...)</c>.</summary>
    public CookieWrite? FromInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name == AppendName && Symbols.Is(method.ContainingType, Types.ResponseCookies))
        {
            return FromAppend(invocation);
        }

        if (method.Name is AppendName or AddName or TryAddName && invocation.Arguments.Length >= 2)
        {
            var headers = Symbols.Receiver(invocation);
            var offset = method.IsExtensionMethod ? 1 : 0;
            if (invocation.Arguments.Length >= offset + 2
                && IsResponseHeaders(headers)
                && IsSetCookieName(Argument(invocation, offset)))
            {
                return FromRawHeader(invocation, Argument(invocation, offset + 1));
            }
        }

        return null;
    }

    /// <summary>A call that did not bind, whose every candidate is the same cookie API (see <see cref="UnboundCookieWrite"/>).</summary>
    public CookieWrite? FromUnbound(IInvalidOperation invalid)
    {
        if (UnboundCookieWrite.Read(invalid, Types) is not { } call)
        {
            return null;
        }

        if (call.IsCookieAppend)
        {
            var key = call.Argument("key", 0);
            var value = call.Argument("value", 1);
            var options = call.Argument("options", 2);
            var attributes = options is null && call.Arguments.Length <= 2
                ? CookieDefaults.ForCookieOptions(AttributeOrigin.ApiDefault, invalid)
                : options is not null && SymbolEqualityComparer.Default.Equals(OperationFlow.SkipConversions(options).Type, Types.CookieOptions)
                    ? _model.Options.Resolve(options, invalid)
                    : CookieAttributes.Unknown;
            return new CookieWrite(CookieSource.ResponseCookies, invalid, key?.ConstantValue.Value as string, value, attributes);
        }

        // Headers: the extension's receiver is the call's receiver, the header name the first argument written.
        return call.Arguments.Length >= 2
            && IsResponseHeaders(call.Receiver)
            && call.Arguments[0] is { } name && IsSetCookieName(name)
            && call.Arguments[1] is { } headerValue
                ? FromRawHeader(invalid, headerValue)
                : null;
    }

    /// <summary>
    /// The syntax side of <see cref="FromInvocation"/>: whether a call may be a write, before anything is bound. Every
    /// <c>IResponseCookies.Append</c> overload takes two arguments or more; a header dictionary's Append, Add or TryAdd
    /// must name the header in its first (or, called as a static method, second) argument.
    /// </summary>
    public static bool MayWrite(InvocationExpressionSyntax invocation, string name, SetCookieNameSyntax headerNames)
    {
        var arguments = invocation.ArgumentList.Arguments;
        return arguments.Count >= 2 && name switch
        {
            AppendName => true,
            AddName or TryAddName => headerNames.MayName(arguments[0].Expression) || headerNames.MayName(arguments[1].Expression),
            _ => false,
        };
    }

    /// <summary>
    /// The syntax side of <see cref="FromAssignment"/>: <c>x.SetCookie = ...</c> or <c>x[name] = ...</c> where the name
    /// may be Set-Cookie, parenthesized or not, and their forms inside an object initializer (<c>Headers = { SetCookie = ... }</c>).
    /// </summary>
    public static bool MayWrite(AssignmentExpressionSyntax assignment, SetCookieNameSyntax headerNames)
    {
        if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            return false;
        }

        var target = assignment.Left;
        while (target is ParenthesizedExpressionSyntax parenthesized)
        {
            target = parenthesized.Expression;
        }

        return target switch
        {
            MemberAccessExpressionSyntax or MemberBindingExpressionSyntax => SyntaxNames.Rightmost(target) == SetCookieProperty,
            IdentifierNameSyntax name => name.Identifier.ValueText == SetCookieProperty && assignment.Parent is InitializerExpressionSyntax,
            ElementAccessExpressionSyntax element => MayName(element.ArgumentList, headerNames),
            ElementBindingExpressionSyntax element => MayName(element.ArgumentList, headerNames),
            ImplicitElementAccessSyntax element => MayName(element.ArgumentList, headerNames),
            _ => false,
        };
    }

    /// <summary>A collection initializer's <c>{ "Set-Cookie", value }</c>: an implicit Add call, bound from the element initializer.</summary>
    public static bool MayWrite(InitializerExpressionSyntax element, SetCookieNameSyntax headerNames) =>
        element.IsKind(SyntaxKind.ComplexElementInitializerExpression)
        && element.Expressions.Count >= 2
        && headerNames.MayName(element.Expressions[0]);

    private static bool MayName(BracketedArgumentListSyntax arguments, SetCookieNameSyntax headerNames) =>
        arguments.Arguments.Count == 1 && headerNames.MayName(arguments.Arguments[0].Expression);

    /// <summary><c>headers.SetCookie = ...</c> and <c>headers["Set-Cookie"] = ...</c>.</summary>
    public CookieWrite? FromAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation target || !IsResponseHeaders(target.Instance))
        {
            return null;
        }

        var isSetCookie = target.Property.IsIndexer
            ? target.Arguments.Length == 1 && IsSetCookieName(target.Arguments[0].Value)
            : target.Property.Name == SetCookieProperty;
        return isSetCookie ? FromRawHeader(assignment, assignment.Value) : null;
    }

    private CookieWrite FromAppend(IInvocationOperation invocation)
    {
        var key = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "key")?.Value;
        var value = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name is "value" or "keyValuePairs")?.Value;
        var options = invocation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.Type, Types.CookieOptions));
        var attributes = options is null
            ? CookieDefaults.ForCookieOptions(AttributeOrigin.ApiDefault, invocation)
            : _model.Options.Resolve(options.Value, invocation);
        return new CookieWrite(CookieSource.ResponseCookies, invocation, CookieNameFolding.Fold(key), value, attributes);
    }

    private static CookieWrite FromRawHeader(IOperation write, IOperation value)
    {
        var (name, attributes) = RawSetCookieParser.Parse(value);
        return new CookieWrite(CookieSource.RawHeader, write, name, value, attributes);
    }

    private static IOperation Argument(IInvocationOperation invocation, int ordinal) =>
        Symbols.Argument(invocation, ordinal) ?? invocation.Arguments[ordinal].Value;

    /// <summary>An <c>IHeaderDictionary</c> that is not a request's headers.</summary>
    private bool IsResponseHeaders(IOperation? headers)
    {
        if (headers is null)
        {
            return false;
        }

        headers = OperationFlow.SkipConversions(headers);
        if (!SymbolEqualityComparer.Default.Equals(headers.Type, Types.HeaderDictionary))
        {
            return false;
        }

        return headers is not IPropertyReferenceOperation { Property.Name: "Headers" } property
            || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, Types.HttpRequest);
    }

    private bool IsSetCookieName(IOperation name)
    {
        name = OperationFlow.SkipConversions(name);
        if (name.ConstantValue.Value is string constant)
        {
            return string.Equals(constant, SetCookieHeader, StringComparison.OrdinalIgnoreCase);
        }

        // HeaderNames.SetCookie is a static readonly field (not a constant) since .NET 6.
        var member = name switch
        {
            IFieldReferenceOperation field => (ISymbol)field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };
        return member is { Name: "SetCookie" } && SymbolEqualityComparer.Default.Equals(member.ContainingType, Types.HeaderNames);
    }
}
