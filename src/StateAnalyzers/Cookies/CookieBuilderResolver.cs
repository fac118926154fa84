using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Internal;
using StateAnalyzers.Session;

namespace StateAnalyzers.Cookies;

/// <summary>
/// Reads the framework cookies configured through options lambdas (<c>AddSession</c>, <c>AddCookie</c>,
/// <c>ConfigureApplicationCookie</c>, <c>AddAntiforgery</c>, <c>Configure&lt;TOptions&gt;</c>, ...): the last
/// write to the final builder wins, and replacing <c>options.Cookie</c> with a new builder resets every attribute
/// it does not set to the bare builder's defaults.
/// </summary>
internal sealed class CookieBuilderResolver
{
    /// <summary>The framework's registrations whose defaults apply even when no lambda (or a lambda in a variable) configures them.</summary>
    public static readonly ImmutableHashSet<string> RegistrationNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "AddSession", "AddCookie", "AddAntiforgery", "ConfigureApplicationCookie", "ConfigureExternalCookie", "AddCookieTempDataProvider");

    /// <summary>The options property every framework cookie builder hangs from: a lambda that never spells it configures no attribute.</summary>
    public const string CookieProperty = "Cookie";

    private readonly CompilationModel _model;

    public CookieBuilderResolver(CompilationModel model)
    {
        _model = model;
    }

    /// <summary>The framework cookies configured by this call; none for calls that configure no cookie.</summary>
    /// <remarks>
    /// Every rule asks this of every invocation in the project, so a call that passes no delegate and is not AddSession
    /// gets a shared empty result at once instead of an iterator of its own.
    /// </remarks>
    public IEnumerable<CookieWrite> FromInvocation(IInvocationOperation invocation) =>
        MayConfigureCookies(invocation) ? Configured(invocation) : Array.Empty<CookieWrite>();

    private bool MayConfigureCookies(IInvocationOperation invocation)
    {
        if (SessionPipeline.IsAddSession(invocation.TargetMethod, _model.Types))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (OperationFlow.SkipConversions(argument.Value) is IDelegateCreationOperation)
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<CookieWrite> Configured(IInvocationOperation invocation)
    {
        var registration = IsRegistration(invocation.TargetMethod);
        var foundLambda = false;
        foreach (var (lambda, parameter, source) in OptionsLambdas(invocation))
        {
            foundLambda = true;
            yield return Walk(invocation, lambda, parameter, source, registration);
        }

        if (!foundLambda && registration && SessionPipeline.IsAddSession(invocation.TargetMethod, _model.Types))
        {
            yield return new CookieWrite(CookieSource.Session, invocation, null, null, CookieDefaults.ForBuilder(CookieSource.Session, invocation), isRegistration: true);
        }
    }

    /// <summary>
    /// The options lambdas a call hands over (<c>AddCookie(o =&gt; ...)</c>, <c>Configure&lt;SessionOptions&gt;(o =&gt; ...)</c>):
    /// each with its options parameter and the framework cookie whose options it configures. Every rule that reads
    /// what such a lambda sets (the attributes here, STATE009's lifetimes) starts from these.
    /// </summary>
    public IEnumerable<(IAnonymousFunctionOperation Lambda, IParameterSymbol Options, CookieSource Source)> OptionsLambdas(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (OperationFlow.SkipConversions(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                && lambda.Symbol.Parameters.FirstOrDefault() is { } parameter
                && _model.Types.BuilderSourceOf(parameter.Type) is var source
                && source != CookieSource.None)
            {
                yield return (lambda, parameter, source);
            }
        }
    }

    /// <summary>The framework's own registration extension (not a look-alike in source): its defaults apply.</summary>
    private static bool IsRegistration(IMethodSymbol method) =>
        method.IsExtensionMethod
        && RegistrationNames.Contains(method.Name)
        && method.ContainingAssembly?.Name is { } assembly
        && (assembly.StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal) || assembly.StartsWith("Microsoft.Extensions", System.StringComparison.Ordinal));

    private CookieWrite Walk(IInvocationOperation invocation, IAnonymousFunctionOperation lambda, IParameterSymbol options, CookieSource source, bool registration)
    {
        var attributes = registration ? CookieDefaults.ForBuilder(source, invocation) : CookieAttributes.Unknown;
        string? name = null;
        foreach (var operation in lambda.Body.Descendants().OrderBy(o => o.Syntax.SpanStart))
        {
            var conditional = OperationFlow.IsConditionalWithin(operation, lambda.Body);
            if (operation is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation target)
            {
                if (IsCookieOf(target.Instance, options) && CookieAttributeReader.IsCookieAttribute(target.Property, _model.Types))
                {
                    attributes = conditional
                        ? CookieAttributeReader.Forget(attributes, target.Property)
                        : CookieAttributeReader.Apply(attributes, target.Property, assignment.Value, AttributeOrigin.Assignment, assignment, known: true);
                }
                else if (IsCookieOf(target.Instance, options) && target.Property.Name == "Name")
                {
                    name = conditional ? null : assignment.Value.ConstantValue.Value as string;
                }
                else if (IsCookieOf(target, options))
                {
                    var replacement = OperationFlow.SkipConversions(assignment.Value) as IObjectCreationOperation;
                    attributes = conditional || replacement is null
                        ? CookieAttributes.Unknown
                        : _model.Options.FromCreation(replacement, replacement, 0);
                    name = conditional || replacement is null ? null : NameIn(replacement);
                }
            }
            else if (operation is IArgumentOperation argument && (IsParameter(argument.Value, options) || IsCookieOf(argument.Value, options)))
            {
                // options (or options.Cookie) handed to another method: it may set anything.
                attributes = CookieAttributes.Unknown;
            }
        }

        return new CookieWrite(source, invocation, name, null, attributes, registration);
    }

    private static string? NameIn(IObjectCreationOperation creation) =>
        creation.Initializer?.Initializers
            .OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: "Name" })
            .Select(a => a.Value.ConstantValue.Value as string)
            .LastOrDefault();

    /// <summary><c>options.Cookie</c> for the lambda's own options parameter.</summary>
    public static bool IsCookieOf(IOperation? operation, IParameterSymbol options) =>
        operation is not null
        && OperationFlow.SkipConversions(operation) is IPropertyReferenceOperation { Property.Name: CookieProperty } cookie
        && IsParameter(cookie.Instance, options);

    public static bool IsParameter(IOperation? operation, IParameterSymbol options) =>
        operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, options);
}
