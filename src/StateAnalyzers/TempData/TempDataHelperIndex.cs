using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;
using StateAnalyzers.Values;

namespace StateAnalyzers.TempData;

/// <summary>
/// Methods in source that store one of their parameters in an <c>ITempDataDictionary</c> they take as a parameter
/// (<c>Put&lt;T&gt;(this ITempDataDictionary tempData, string key, T value) =&gt; tempData[key] = JsonSerializer.Serialize(value)</c>),
/// as it is or serialized. The rule judges what each call site passes, and reports there; the write inside the
/// helper is not reported on its own.
/// </summary>
internal sealed class TempDataHelperIndex
{
    private const string TempDataTypeName = "ITempDataDictionary";
    private readonly CompilationModel _model;
    private readonly Lazy<ImmutableHashSet<string>> _candidateNames;
    private readonly ConcurrentDictionary<IMethodSymbol, TempDataHelper?> _helpers = new(SymbolEqualityComparer.Default);

    public TempDataHelperIndex(CompilationModel model)
    {
        _model = model;
        _candidateNames = new Lazy<ImmutableHashSet<string>>(() => CandidateNamesOf(model.Compilation));
    }

    /// <summary>
    /// The names of the methods in source with a parameter whose type is spelled <c>ITempDataDictionary</c>, found on
    /// syntax alone. A superset: <see cref="For"/> decides by symbol.
    /// </summary>
    public ImmutableHashSet<string> CandidateNames => _candidateNames.Value;

    /// <summary>The write a call to a helper makes, with the argument the caller passes as its value.</summary>
    public TempDataWrite? WriteAt(IInvocationOperation invocation)
    {
        if (For(invocation.TargetMethod) is not { } helper || Symbols.Argument(invocation, helper.ValueParameter) is not { } value)
        {
            return null;
        }

        var key = helper.ConstantKey
            ?? (helper.KeyParameter is { } ordinal ? Symbols.Argument(invocation, ordinal)?.ConstantValue.Value as string : null);
        return new TempDataWrite(invocation, key, value, helper.Serializer);
    }

    /// <summary>Whether a direct write is the inner write of a helper: through its TempData parameter, of one of its parameters.</summary>
    public bool IsInnerWrite(TempDataWrite write, IMethodSymbol? containing) =>
        containing is not null
        && TempDataWriteRecognizer.Receiver(write.Operation) is { } receiver
        && OperationFlow.SkipConversions(receiver) is IParameterReferenceOperation { Parameter: var dictionary }
        && SymbolEqualityComparer.Default.Equals(dictionary.ContainingSymbol, containing)
        && (ParameterOf(write.Value, containing) is not null || SerializedParameter(write.Value, containing) is not null);

    public TempDataHelper? For(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        if (definition.Parameters.Length < 2 || !_candidateNames.Value.Contains(definition.Name) || !_model.IsInSource(definition))
        {
            return null;
        }

        return _helpers.GetOrAdd(definition, Find);
    }

    private static ImmutableHashSet<string> CandidateNamesOf(Compilation compilation)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            names.UnionWith(CandidateNamesByTree.For(tree));
        }

        return names.ToImmutable();
    }

    /// <summary>Each tree's candidate helper names, on syntax alone: kept for the tree's lifetime.</summary>
    private static readonly SyntaxSummaries<string[]> CandidateNamesByTree = new(CandidateNamesIn);

    private static string[] CandidateNamesIn(SyntaxTree tree)
    {
        if (!TreeText.MayMention(tree, new[] { TempDataTypeName }))
        {
            return Array.Empty<string>();
        }

        return tree.GetRoot().DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)).OfType<MethodDeclarationSyntax>()
            .Where(method => method.ParameterList.Parameters.Any(p => p.Type is { } type && SyntaxNames.Rightmost(type is NullableTypeSyntax nullable ? nullable.ElementType : type) == TempDataTypeName))
            .Select(method => method.Identifier.ValueText)
            .ToArray();
    }

    private TempDataHelper? Find(IMethodSymbol method)
    {
        var declaration = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (declaration is null || _model.SemanticModelFor(declaration.SyntaxTree).GetOperation(declaration) is not { } body)
        {
            return null;
        }

        foreach (var operation in body.Descendants())
        {
            if (operation is not (ISimpleAssignmentOperation or IInvocationOperation)
                || _model.TempDataWrites.Direct(operation) is not { } write
                || !IsInnerWrite(write, method))
            {
                continue;
            }

            var key = TempDataWriteRecognizer.Receiver(operation) is not null ? KeyOf(operation) : null;
            var keyParameter = key is null ? null : ParameterOf(key, method);
            if (ParameterOf(write.Value, method) is { } stored)
            {
                return new TempDataHelper(stored.Ordinal, keyParameter?.Ordinal, write.Key, null);
            }

            if (SerializedParameter(write.Value, method) is { } serialized)
            {
                return new TempDataHelper(serialized.Parameter.Ordinal, keyParameter?.Ordinal, write.Key, serialized.Serializer);
            }
        }

        return null;
    }

    private static IOperation? KeyOf(IOperation write) => write switch
    {
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation indexer } => indexer.Arguments.FirstOrDefault()?.Value,
        IInvocationOperation invocation => Symbols.Argument(invocation, invocation.TargetMethod.IsExtensionMethod ? 1 : 0),
        _ => null,
    };

    /// <summary><c>JsonSerializer.Serialize(value)</c> (through locals) of a parameter of <paramref name="method"/>.</summary>
    private static (IParameterSymbol Parameter, IInvocationOperation Serializer)? SerializedParameter(IOperation value, IMethodSymbol method)
    {
        var operation = OperationFlow.SkipConversions(value);
        if (operation is ILocalReferenceOperation local && ValueFlow.SourcesOf(local.Local, operation).ToList() is { Count: 1 } sources)
        {
            operation = OperationFlow.SkipConversions(sources[0]);
        }

        if (operation is IInvocationOperation invocation
            && SerializerCall.IsSerializer(invocation.TargetMethod)
            && invocation.Arguments.FirstOrDefault()?.Value is { } graph
            && ParameterOf(graph, method) is { } parameter)
        {
            return (parameter, invocation);
        }

        return null;
    }

    /// <summary>The parameter of <paramref name="method"/> the value is, directly or through a local set from it.</summary>
    private static IParameterSymbol? ParameterOf(IOperation value, IMethodSymbol method)
    {
        var operation = OperationFlow.SkipConversions(value);
        if (operation is ILocalReferenceOperation local && ValueFlow.SourcesOf(local.Local, operation).ToList() is { Count: 1 } sources)
        {
            operation = OperationFlow.SkipConversions(sources[0]);
        }

        return operation is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method)
            ? parameter.Parameter
            : null;
    }
}

/// <summary>A TempData helper: which parameter it stores, under which key, and the serializer it passes the value through.</summary>
internal sealed class TempDataHelper
{
    public TempDataHelper(int valueParameter, int? keyParameter, string? constantKey, IInvocationOperation? serializer)
    {
        ValueParameter = valueParameter;
        KeyParameter = keyParameter;
        ConstantKey = constantKey;
        Serializer = serializer;
    }

    public int ValueParameter { get; }

    public int? KeyParameter { get; }

    public string? ConstantKey { get; }

    public IInvocationOperation? Serializer { get; }
}
