using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Values;

/// <summary>
/// STATE002: whether a cookie's name plus value can outgrow the browser's limit. Long constants are measured;
/// serializer output, joins over collections, Base64 of buffers of unknown size, StringBuilder output and strings
/// grown in loops are unbounded. Scalars and short constants never are. Values are followed through locals and
/// through the string operations that carry their input along (concatenation, interpolation, encoding).
/// </summary>
internal static class CookieSizeClassifier
{
    private const int MaxDepth = 6;

    /// <summary>Why the cookie can exceed <paramref name="maxBytes"/>, or null.</summary>
    public static string? Classify(string? cookieName, IOperation value, int maxBytes)
    {
        var nameBytes = cookieName is null ? 0 : Encoding.UTF8.GetByteCount(cookieName);
        var walk = new Walk(maxBytes - nameBytes);
        var reason = walk.Visit(value, 0);
        if (reason is not null)
        {
            return reason;
        }

        var constantBytes = nameBytes + walk.ConstantBytes;
        return constantBytes > maxBytes ? "its constant text alone is " + constantBytes + " bytes" : null;
    }

    /// <summary>
    /// Like <see cref="Classify"/>, for a store that serializes what it is given (TempData): a collection stored as it
    /// is (a list, an array, a dictionary) grows with its items, unless it is an array written out of constants.
    /// </summary>
    public static string? ClassifyStored(string? key, IOperation value, int maxBytes)
    {
        var stored = OperationFlow.SkipConversions(value);
        if (IsCollection(stored.Type) && !IsConstantArray(stored))
        {
            return "the " + stored.Type!.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) + " it holds grows with its items";
        }

        return Classify(key, value, maxBytes);
    }

    private static bool IsCollection(ITypeSymbol? type) =>
        type is not null
        && type.SpecialType != SpecialType.System_String
        && (type is IArrayTypeSymbol
            || type.SpecialType == SpecialType.System_Collections_IEnumerable
            || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable));

    private static bool IsConstantArray(IOperation operation) =>
        operation is IArrayCreationOperation { Initializer: { } initializer }
        && initializer.ElementValues.All(e => OperationFlow.SkipConversions(e).ConstantValue.HasValue);

    private sealed class Walk
    {
        private readonly HashSet<ISymbol> _visited = new(SymbolEqualityComparer.Default);

        /// <summary>The bytes the value may take: the limit less the cookie's name.</summary>
        private readonly int _budget;

        public Walk(int budget)
        {
            _budget = budget;
        }

        /// <summary>Bytes of constant text met along the way (a lower bound of the value's size).</summary>
        public int ConstantBytes { get; private set; }

        public string? Visit(IOperation operation, int depth)
        {
            if (depth > MaxDepth || ScalarTypes.IsScalar(operation.Type))
            {
                return null;
            }

            if (operation.ConstantValue.Value is string constant)
            {
                ConstantBytes += Encoding.UTF8.GetByteCount(constant);
                return null;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Visit(conversion.Operand, depth);
                case IBinaryOperation or IInterpolatedStringOperation or IInterpolationOperation or IInterpolatedStringTextOperation or IParenthesizedOperation:
                    return First(operation.ChildOperations, depth + 1);
                case IConditionalOperation conditional:
                    return Visit(conditional.WhenTrue, depth + 1) ?? (conditional.WhenFalse is null ? null : Visit(conditional.WhenFalse, depth + 1));
                case ICoalesceOperation coalesce:
                    return Visit(coalesce.Value, depth + 1) ?? Visit(coalesce.WhenNull, depth + 1);
                case ILocalReferenceOperation local:
                    if (!_visited.Add(local.Local))
                    {
                        return null;
                    }

                    if (ValueFlow.GrowsInLoop(local.Local, operation))
                    {
                        return "'" + local.Local.Name + "' is a string grown in a loop";
                    }

                    return First(ValueFlow.SourcesOf(local.Local, operation), depth + 1);
                case IInvocationOperation invocation:
                    return Invocation(invocation, depth);
                case IObjectCreationOperation creation when RepeatedCharBytes(creation) is { } repeated:
                    ConstantBytes += repeated;
                    return null;
                default:
                    return null;
            }
        }

        private string? Invocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (SerializerCall.IsSerializer(method))
            {
                // Only a shape that can grow (a collection, free text, an unknown type) makes the output grow.
                var graph = invocation.Arguments.Select(a => OperationFlow.SkipConversions(a.Value)).FirstOrDefault();
                return graph is not null && (graph.Type?.SpecialType == SpecialType.System_String || SerializedSize.MaxBytes(graph.Type) <= _budget)
                    ? null
                    : "the output of " + SerializerCall.Describe(method) + " grows with the data";
            }

            var isString = type?.SpecialType == SpecialType.System_String;
            if (isString && method.Name is "Join" or "Concat" && OverCollection(invocation) && !IsShortJoin(invocation))
            {
                return "string." + method.Name + " over a collection grows with it";
            }

            if (method.Name == "ToString" && QualifiedNames.Is(type, "System.Text.StringBuilder"))
            {
                return "StringBuilder output has no bound";
            }

            if (method.Name == "ToString" && QualifiedNames.Is(type, "System.IO.StringWriter"))
            {
                return "StringWriter output has no bound";
            }

            if (method.Name == "ToBase64String" && QualifiedNames.Is(type, "System.Convert"))
            {
                var buffer = invocation.Arguments.FirstOrDefault()?.Value;
                return buffer is null || IsBoundedBuffer(buffer, depth) ? null : "Base64 of a buffer of unknown size";
            }

            if ((isString && !method.IsStatic)
                || (method.Name is "EscapeDataString" && QualifiedNames.Is(type, "System.Uri"))
                || (method.Name is "UrlEncode" or "HtmlEncode" && QualifiedNames.Is(type, "System.Net.WebUtility")))
            {
                // These carry their input along: their size follows it.
                var inputs = invocation.Instance is null ? invocation.Arguments.Select(a => a.Value) : new[] { invocation.Instance };
                return First(inputs, depth + 1);
            }

            if (method.Name == "Protect" && QualifiedNames.Is(method.ContainingNamespace, "Microsoft.AspNetCore.DataProtection"))
            {
                return First(invocation.Arguments.Skip(1).Select(a => a.Value), depth + 1);
            }

            return null;
        }

        /// <summary>A Join/Concat whose values are one collection argument, not a few listed strings.</summary>
        private static bool OverCollection(IInvocationOperation invocation) => CollectionArgument(invocation) is not null;

        private static IArgumentOperation? CollectionArgument(IInvocationOperation invocation) =>
            invocation.Arguments.FirstOrDefault(a =>
                a.ArgumentKind != ArgumentKind.ParamArray
                && a.Parameter?.Type is { } type
                && type.SpecialType != SpecialType.System_String
                && (type is IArrayTypeSymbol || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) || type.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T || type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));

        /// <summary>
        /// A Join/Concat of a few bounded values: the collection is capped by <c>.Take(n)</c> with a constant
        /// <c>n</c> (through <c>Select</c>, <c>Where</c>, <c>OrderBy</c>, <c>ToList</c>, ... and locals), its elements are
        /// scalars, and n of them with their separators fit the budget.
        /// </summary>
        private bool IsShortJoin(IInvocationOperation invocation)
        {
            var collection = CollectionArgument(invocation);
            var separator = invocation.TargetMethod.Name == "Join" ? invocation.Arguments.FirstOrDefault()?.Value.ConstantValue.Value : string.Empty;
            var separatorBytes = separator switch
            {
                string text => Encoding.UTF8.GetByteCount(text),
                char c => Encoding.UTF8.GetByteCount(c.ToString()),
                _ => (int?)null,
            };
            if (collection is null || separatorBytes is null || LinqChain.TakenAtMost(collection.Value) is not { } count)
            {
                return false;
            }

            var element = LinqChain.ElementType(OperationFlow.SkipConversions(collection.Value).Type);
            return SerializedSize.ScalarMaxBytes(element) is { } elementBytes && (long)count * (elementBytes + separatorBytes.Value) <= _budget;
        }

        /// <summary><c>new string('x', 5000)</c>: a constant character repeated a constant number of times, in bytes.</summary>
        private static int? RepeatedCharBytes(IObjectCreationOperation creation) =>
            creation.Type?.SpecialType == SpecialType.System_String
            && creation.Arguments.Length == 2
            && creation.Arguments[0].Value.ConstantValue.Value is char repeated
            && creation.Arguments[1].Value.ConstantValue.Value is int count and > 0
                ? Encoding.UTF8.GetByteCount(repeated.ToString()) * count
                : null;

        /// <summary>A buffer of small known size: <c>new byte[16]</c>, <c>RandomNumberGenerator.GetBytes(32)</c>, <c>guid.ToByteArray()</c>.</summary>
        private bool IsBoundedBuffer(IOperation buffer, int depth)
        {
            var operation = OperationFlow.SkipConversions(buffer);
            switch (operation)
            {
                case IArrayCreationOperation creation:
                    return creation.DimensionSizes.All(d => d.ConstantValue.Value is int size && size <= 1024);
                case IInvocationOperation { TargetMethod: { Name: "GetBytes" } method } invocation when method.ContainingType?.Name == "RandomNumberGenerator":
                    return invocation.Arguments.FirstOrDefault()?.Value.ConstantValue.Value is int count && count <= 1024;
                case IInvocationOperation { TargetMethod: { Name: "ToByteArray" } method } when QualifiedNames.Is(method.ContainingType, "System.Guid"):
                    return true;
                case IInvocationOperation { TargetMethod: { Name: "GetBytes" } method } invocation when QualifiedNames.Is(method.ContainingType, "System.Text.Encoding"):
                    // Encoding.UTF8.GetBytes(text): as large as the text.
                    var text = invocation.Arguments.FirstOrDefault()?.Value;
                    return text is not null && Visit(text, depth + 1) is null;
                case ILocalReferenceOperation local when depth < MaxDepth:
                    var sources = ValueFlow.SourcesOf(local.Local, operation).ToList();
                    return sources.Count > 0 && sources.All(s => IsBoundedBuffer(s, depth + 1));
                default:
                    return false;
            }
        }

        private string? First(IEnumerable<IOperation> operations, int depth)
        {
            foreach (var operation in operations)
            {
                if (Visit(operation, depth) is { } reason)
                {
                    return reason;
                }
            }

            return null;
        }
    }
}
