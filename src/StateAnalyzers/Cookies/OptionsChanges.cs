using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// What a method does to the options object a local holds: each assignment of a cookie attribute (plain, compound, or
/// an element of a deconstruction), and each place the object escapes where something may change it unseen (handed
/// to a method, copied to another variable or into a tuple). Handing it to a framework method known to leave it as
/// it is (<c>IResponseCookies.Append</c> and <c>Delete</c>, the <c>CookieOptions</c> copy constructor) is not an escape.
/// </summary>
internal static class OptionsChanges
{
    /// <summary>One change: an attribute set (<see cref="Value"/> null when unreadable), or an escape.</summary>
    internal readonly struct Change
    {
        public Change(IOperation operation, IPropertySymbol? property, IOperation? value, IOperation anchor)
        {
            Operation = operation;
            Property = property;
            Value = value;
            Anchor = anchor;
        }

        /// <summary>What runs the change: the assignment, the deconstruction, or the escaping reference.</summary>
        public IOperation Operation { get; }

        /// <summary>The attribute set; null for an escape.</summary>
        public IPropertySymbol? Property { get; }

        public IOperation? Value { get; }

        /// <summary>What a fix edits: the assignment, or the tuple element a deconstruction stores.</summary>
        public IOperation Anchor { get; }

        public bool Escapes => Property is null;
    }

    public static List<Change> Of(ILocalSymbol local, IOperation write, WellKnownTypes types)
    {
        var changes = new List<Change>();
        foreach (var operation in OperationFlow.Root(write).Descendants())
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment when Attribute(assignment.Target, local, types) is { } property:
                    changes.Add(new Change(assignment, property, assignment.Value, assignment));
                    break;
                case ICompoundAssignmentOperation compound when Attribute(compound.Target, local, types) is { } property:
                    changes.Add(new Change(compound, property, null, compound));
                    break;
                case ICoalesceAssignmentOperation coalesce when Attribute(coalesce.Target, local, types) is { } property:
                    changes.Add(new Change(coalesce, property, null, coalesce));
                    break;
                case IDeconstructionAssignmentOperation deconstruction:
                    foreach (var (target, value) in LocalWrites.Pairs(deconstruction))
                    {
                        if (Attribute(target, local, types) is { } property)
                        {
                            changes.Add(new Change(deconstruction, property, value, value ?? deconstruction));
                        }
                    }

                    break;
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && Escapes(reference, types):
                    changes.Add(new Change(reference, null, null, reference));
                    break;
            }
        }

        return changes;
    }

    private static IPropertySymbol? Attribute(IOperation target, ILocalSymbol local, WellKnownTypes types) =>
        target is IPropertyReferenceOperation { Property: { IsIndexer: false } property, Instance: ILocalReferenceOperation receiver }
        && SymbolEqualityComparer.Default.Equals(receiver.Local, local)
        && CookieAttributeReader.IsCookieAttribute(property, types)
            ? property
            : null;

    private static bool Escapes(ILocalReferenceOperation reference, WellKnownTypes types)
    {
        IOperation current = reference;
        while (current.Parent is ITupleOperation tuple)
        {
            current = tuple;
        }

        var parent = current.Parent;
        if (current != reference)
        {
            // Inside a tuple: a target of a deconstruction is written (LocalWrites reads it); a value is copied.
            return !(parent is IDeconstructionAssignmentOperation deconstruction && deconstruction.Target == current)
                && parent is not IDeclarationExpressionOperation;
        }

        return parent switch
        {
            IPropertyReferenceOperation property => property.Instance != reference,
            IInvocationOperation invocation => invocation.Instance != reference,
            IArgumentOperation argument => argument.Parameter?.RefKind is not (RefKind.Ref or RefKind.Out) && !KeepsOptions(argument.Parent, types),
            IAssignmentOperation assignment => assignment.Target != reference,
            IDeclarationExpressionOperation or IConditionalAccessOperation or IBinaryOperation or IIsPatternOperation or IIsTypeOperation => false,
            _ => true,
        };
    }

    /// <summary>Framework calls that read the options and never change them.</summary>
    private static bool KeepsOptions(IOperation? call, WellKnownTypes types) => call switch
    {
        IInvocationOperation invocation => invocation.TargetMethod.Name is "Append" or "Delete" && Symbols.Is(invocation.TargetMethod.ContainingType, types.ResponseCookies),
        IObjectCreationOperation creation => Symbols.Is(creation.Type, types.CookieOptions),
        _ => false,
    };
}
