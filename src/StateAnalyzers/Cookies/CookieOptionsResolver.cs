using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// Resolves what a <c>CookieOptions</c> (or <c>CookieBuilder</c>) expression sets, from what the method can see:
/// the object creation and its initializer, later assignments to a local before the write, a static readonly
/// field or property initializer anywhere in the project, and a factory method in source that only returns a new
/// instance. Anything else (parameters, instance fields, values computed at run time) is unknown, never guessed.
/// </summary>
internal sealed class CookieOptionsResolver
{
    private const int MaxDepth = 4;
    private readonly CompilationModel _model;

    public CookieOptionsResolver(CompilationModel model)
    {
        _model = model;
    }

    /// <summary>Attributes of the options passed to <paramref name="write"/>, as they stand when it runs.</summary>
    public CookieAttributes Resolve(IOperation options, IOperation write) => Resolve(options, write, 0);

    public CookieAttributes FromCreation(IObjectCreationOperation creation, IOperation write, int depth)
    {
        var isBuilder = Symbols.Is(creation.Type, _model.Types.CookieBuilder);
        CookieAttributes attributes;
        var copied = creation.Arguments.FirstOrDefault();
        if (copied is not null)
        {
            // new CookieOptions(other): starts as a copy of other as it stands here.
            attributes = Resolve(copied.Value, creation, depth + 1);
        }
        else
        {
            attributes = isBuilder
                ? CookieDefaults.ForBareBuilder(AttributeOrigin.CreationDefault, creation)
                : CookieDefaults.ForCookieOptions(AttributeOrigin.CreationDefault, creation);
        }

        if (creation.Initializer is null)
        {
            return attributes;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation assignment
                && CookieAttributeReader.AssignedProperty(assignment, out _) is { } property
                && CookieAttributeReader.IsCookieAttribute(property, _model.Types))
            {
                attributes = CookieAttributeReader.Apply(attributes, property, assignment.Value, AttributeOrigin.Initializer, creation, known: true);
            }
        }

        return attributes;
    }

    private CookieAttributes Resolve(IOperation options, IOperation write, int depth)
    {
        if (depth > MaxDepth)
        {
            return CookieAttributes.Unknown;
        }

        var operation = OperationFlow.SkipConversions(options);
        switch (operation)
        {
            case IObjectCreationOperation creation:
                return FromCreation(creation, write, depth);
            case ILocalReferenceOperation local:
                return FromLocal(local.Local, write, depth);
            case IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true } field }:
                return FromInitializerOf(field, depth);
            case IPropertyReferenceOperation { Property: { IsStatic: true, SetMethod: null } property }:
                return FromInitializerOf(property, depth);
            case IInvocationOperation invocation:
                return FromFactory(invocation.TargetMethod, depth);
            default:
                return CookieAttributes.Unknown;
        }
    }

    /// <summary>
    /// A local holding the options: the value its one reaching write stores (<see cref="LocalValue"/>), then every
    /// change made to that object on the way to the write, in order. A change that always runs first applies; one that
    /// may or may not run first (a branch, a loop, a try, a lambda, or later in a loop around the write) makes its
    /// attribute unknown; one in another branch does not count. An object that escapes before the write (handed to a
    /// method that may change it, copied to another variable) is unknown.
    /// </summary>
    private CookieAttributes FromLocal(ILocalSymbol local, IOperation write, int depth)
    {
        if (LocalValue.At(local, write) is not { } held)
        {
            return CookieAttributes.Unknown;
        }

        var attributes = Resolve(held.Value, write, depth + 1);
        var since = held.WrittenBy.Syntax.Span.End;
        var changes = OptionsChanges.Of(local, write, _model.Types).Where(u => u.Operation.Syntax.SpanStart >= since).OrderBy(u => u.Operation.Syntax.SpanStart);
        foreach (var change in changes)
        {
            var reach = OperationFlow.IsBefore(change.Operation, write)
                ? OperationFlow.ReachBefore(change.Operation, write)
                : OperationFlow.MayRunBeforeOnNextTurn(change.Operation, write, held.WrittenBy) ? OperationFlow.Reach.Maybe : OperationFlow.Reach.Never;
            if (reach == OperationFlow.Reach.Never)
            {
                continue;
            }

            if (change.Escapes)
            {
                return CookieAttributes.Unknown;
            }

            attributes = reach == OperationFlow.Reach.Always && change.Value is { } value
                ? CookieAttributeReader.Apply(attributes, change.Property!, value, AttributeOrigin.Assignment, change.Anchor, known: true)
                : CookieAttributeReader.Forget(attributes, change.Property!);
        }

        return attributes;
    }

    private CookieAttributes FromInitializerOf(ISymbol member, int depth)
    {
        return _model.StaticInitializers.GetOrAdd(member, m => ResolveDeclaration(m, depth));

        CookieAttributes ResolveDeclaration(ISymbol symbol, int level)
        {
            var expression = symbol.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).Select(s => s switch
            {
                VariableDeclaratorSyntax v => v.Initializer?.Value,
                PropertyDeclarationSyntax p => p.Initializer?.Value ?? p.ExpressionBody?.Expression,
                _ => null,
            }).FirstOrDefault(e => e is not null);
            return expression is null ? CookieAttributes.Unknown : ResolveExpressionElsewhere(expression, level);
        }
    }

    private CookieAttributes FromFactory(IMethodSymbol method, int depth)
    {
        if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern)
        {
            return CookieAttributes.Unknown;
        }

        var body = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        var returned = body?.ExpressionBody?.Expression
            ?? (body?.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax ret ? ret.Expression : null);
        return returned is ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
            ? ResolveExpressionElsewhere(returned, depth)
            : CookieAttributes.Unknown;
    }

    private CookieAttributes ResolveExpressionElsewhere(ExpressionSyntax expression, int depth)
    {
        var operation = _model.SemanticModelFor(expression.SyntaxTree).GetOperation(expression);
        return operation is IObjectCreationOperation creation
            ? FromCreation(creation, creation, depth + 1)
            : CookieAttributes.Unknown;
    }
}
