using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.TempData;

/// <summary>
/// Recognizes writes to TempData by symbol: the <c>ITempDataDictionary</c> indexer set, <c>Add(key, value)</c>,
/// <c>TryAdd(key, value)</c>, an assignment to a <c>[TempData]</c> property, and calls to TempData helpers in source.
/// Reads (<c>Peek</c>, <c>Keep</c>, the indexer get) are never writes.
/// </summary>
internal sealed class TempDataWriteRecognizer
{
    public const string AddName = "Add";
    public const string TryAddName = "TryAdd";

    /// <summary>What a file that writes TempData through the dictionary spells: the property or the interface.</summary>
    public static readonly ImmutableArray<string> MentionNames = ImmutableArray.Create("TempData", "ITempDataDictionary", "TempDataDictionary");

    private readonly CompilationModel _model;

    public TempDataWriteRecognizer(CompilationModel model)
    {
        _model = model;
    }

    /// <summary>The TempData write a candidate operation is, helpers included; null for anything else.</summary>
    public TempDataWrite? From(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation assignment => FromAssignment(assignment),
        IInvocationOperation invocation => Direct(invocation) ?? _model.TempDataHelpers.WriteAt(invocation),
        _ => null,
    };

    /// <summary>A write through an <c>ITempDataDictionary</c> itself (no helper): indexer set, Add, TryAdd.</summary>
    public TempDataWrite? Direct(IOperation operation) => operation switch
    {
        ISimpleAssignmentOperation assignment => FromAssignment(assignment),
        IInvocationOperation invocation => FromInvocation(invocation),
        _ => null,
    };

    /// <summary>The dictionary a direct write goes through (the indexer's or the call's receiver); null for a property.</summary>
    public static IOperation? Receiver(IOperation write) => write switch
    {
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } indexer } => indexer.Instance,
        IInvocationOperation invocation => Symbols.Receiver(invocation),
        _ => null,
    };

    /// <summary>
    /// The names of the properties in source with an attribute spelled <c>TempData</c>, found on syntax alone: an
    /// assignment to one of these names may be a TempData write. A superset; the recognizer decides by symbol.
    /// </summary>
    public static ImmutableHashSet<string> PropertyNames(Compilation compilation)
    {
        var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            names.UnionWith(PropertyNamesByTree.For(tree));
        }

        return names.ToImmutable();
    }

    /// <summary>Each tree's <c>[TempData]</c> property names, on syntax alone: kept for the tree's lifetime.</summary>
    private static readonly SyntaxSummaries<string[]> PropertyNamesByTree = new(PropertyNamesIn);

    private static string[] PropertyNamesIn(SyntaxTree tree)
    {
        if (!TreeText.MayMention(tree, new[] { "TempData", "TempDataAttribute" }))
        {
            return Array.Empty<string>();
        }

        return tree.GetRoot().DescendantNodes(n => n is not (BlockSyntax or ArrowExpressionClauseSyntax)).OfType<PropertyDeclarationSyntax>()
            .Where(property => property.AttributeLists.SelectMany(l => l.Attributes).Any(a => SyntaxNames.Rightmost(a.Name) is "TempData" or "TempDataAttribute"))
            .Select(property => property.Identifier.ValueText)
            .ToArray();
    }

    private TempDataWrite? FromAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation target)
        {
            return null;
        }

        var types = _model.Types;
        if (target.Property.IsIndexer)
        {
            if (target.Instance is null
                || !Symbols.Implements(OperationFlow.SkipConversions(target.Instance).Type, types.TempDataDictionary)
                || target.Arguments.Length != 1)
            {
                return null;
            }

            return new TempDataWrite(assignment, target.Arguments[0].Value.ConstantValue.Value as string, assignment.Value);
        }

        var attribute = target.Property.GetAttributes().FirstOrDefault(a => Symbols.Is(a.AttributeClass, types.TempDataAttribute));
        if (attribute is null)
        {
            return null;
        }

        var key = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Key").Value.Value as string;
        return new TempDataWrite(assignment, string.IsNullOrEmpty(key) ? target.Property.Name : key, assignment.Value, isProperty: true);
    }

    private TempDataWrite? FromInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (method.Name is not (AddName or TryAddName) || method.Parameters.Length != (method.IsExtensionMethod ? 3 : 2))
        {
            return null;
        }

        if (method.Name == TryAddName && !(method.IsExtensionMethod && QualifiedNames.Is(method.ContainingType, "System.Collections.Generic.CollectionExtensions")))
        {
            return null;
        }

        if (!Symbols.Implements(Symbols.ReceiverType(invocation), _model.Types.TempDataDictionary))
        {
            return null;
        }

        var offset = method.IsExtensionMethod ? 1 : 0;
        var key = Symbols.Argument(invocation, offset);
        var value = Symbols.Argument(invocation, offset + 1);
        return value is null ? null : new TempDataWrite(invocation, key?.ConstantValue.Value as string, value);
    }
}
