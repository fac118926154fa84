using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.Cookies;
using StateAnalyzers.Internal;
using StateAnalyzers.Lifetimes;
using StateAnalyzers.Session;
using StateAnalyzers.SignIns;
using StateAnalyzers.SignOuts;
using StateAnalyzers.TempData;

namespace StateAnalyzers.Analysis;

/// <summary>
/// The rules' gateway to a file: the nodes that may be a cookie write, a framework cookie configuration, a call to a
/// cookie helper or a sign-out wrapper, a sign-out, or a host call STATE007 reports at, found by one syntax walk per
/// file shared by every rule. Only those nodes are bound to IOperation, so only the methods that hold one pay for an
/// operation tree; an operation action would make the driver build one for every method body of the project.
/// The walk is a superset (names a C# call must spell, arguments that may be constant); the recognizers still decide
/// every candidate by symbol.
/// </summary>
internal sealed class CandidateIndex
{
    private readonly CompilationModel _model;
    private readonly Lazy<SetCookieNameSyntax> _headerNames;
    private readonly Lazy<ImmutableHashSet<string>> _calledNames;
    private readonly Lazy<ImmutableHashSet<string>> _helperNames;
    private readonly Lazy<ImmutableHashSet<string>> _tempDataProperties;
    private readonly Lazy<string[]> _triggerNames;
    private readonly ConcurrentDictionary<SyntaxTree, Lazy<ImmutableArray<SyntaxNode>>> _trees = new();
    private readonly ConditionalWeakTable<SemanticModel, StrongBox<ImmutableArray<IOperation>>> _operations = new();

    public CandidateIndex(CompilationModel model)
    {
        _model = model;
        _headerNames = new Lazy<SetCookieNameSyntax>(() => SetCookieNameSyntax.Gather(model.Compilation));
        _calledNames = new Lazy<ImmutableHashSet<string>>(CalledNames);
        _helperNames = new Lazy<ImmutableHashSet<string>>(() => CookieHelperIndex.CandidateNames(model.Compilation));
        _tempDataProperties = new Lazy<ImmutableHashSet<string>>(() => TempDataWriteRecognizer.PropertyNames(model.Compilation));
        _triggerNames = new Lazy<string[]>(GatherTriggerNames);
    }

    /// <summary>
    /// The candidate operations of a file (within <paramref name="span"/> when the host asks for part of it), in source
    /// order. For the whole file they are bound once per semantic model, which the driver hands to every rule's
    /// callback on the file, so the rules after the first reuse them.
    /// </summary>
    public ImmutableArray<IOperation> In(SemanticModel semanticModel, TextSpan? span, CancellationToken cancellationToken)
    {
        if (span is null && _operations.TryGetValue(semanticModel, out var bound))
        {
            return bound.Value;
        }

        // Not cancellable: the result is shared by every rule, and a cancelled walk must not be remembered as the answer.
        var nodes = _trees.GetOrAdd(semanticModel.SyntaxTree, t => new Lazy<ImmutableArray<SyntaxNode>>(() => Find(t))).Value;
        var operations = ImmutableArray.CreateBuilder<IOperation>(nodes.Length);
        foreach (var node in nodes)
        {
            if (span is { } filter && !filter.IntersectsWith(node.FullSpan))
            {
                continue;
            }

            if (OperationAt(semanticModel, node, cancellationToken) is { } operation)
            {
                operations.Add(operation);
            }
        }

        var result = operations.Count == operations.Capacity ? operations.MoveToImmutable() : operations.ToImmutable();
        return span is null ? _operations.GetValue(semanticModel, _ => new StrongBox<ImmutableArray<IOperation>>(result)).Value : result;
    }

    /// <summary>
    /// The operation of a node. The implicit Add call of a collection initializer's <c>{ key, value }</c> is not
    /// mapped to its syntax, so it is found under the initializer.
    /// </summary>
    private static IOperation? OperationAt(SemanticModel semanticModel, SyntaxNode node, CancellationToken cancellationToken)
    {
        if (semanticModel.GetOperation(node, cancellationToken) is { } operation)
        {
            return operation;
        }

        return node.Parent is { } parent && semanticModel.GetOperation(parent, cancellationToken) is { } enclosing
            ? enclosing.Descendants().FirstOrDefault(o => o.Syntax == node)
            : null;
    }

    /// <summary>Calls that matter by name alone, but the cookie helpers: the framework's cookie registrations, sign-outs and sign-ins, STATE007's host calls, wrappers in source.</summary>
    private static readonly ImmutableHashSet<string> FrameworkCallNames = CookieBuilderResolver.RegistrationNames
        .Union(SignOutRecognizer.CallNames)
        .Union(SessionPipeline.ReportedCallNames)
        .Union(SignInRecognizer.CallNames);

    /// <summary>
    /// With the helper names kept apart (<see cref="_helperNames"/>): they are the most, and the same set from one
    /// compilation to the next after an edit, so a union with them would copy them per compilation.
    /// </summary>
    private ImmutableHashSet<string> CalledNames() =>
        FrameworkCallNames
            .Union(_model.Session.Wrappers.Keys.Select(m => m.Name))
            .Union(_model.SignInWrappers.Wrappers.Keys.Select(m => m.Name))
            .Union(_model.TempDataHelpers.CandidateNames);

    /// <summary>
    /// The candidate nodes of a tree, in source order, found from the places its text may spell one
    /// (<see cref="CandidateText"/>), or by a walk of every node when the text cannot tell or <paramref name="walkWholeTree"/>
    /// asks for it: both find the same nodes.
    /// </summary>
    internal ImmutableArray<SyntaxNode> Find(SyntaxTree tree, bool walkWholeTree = false)
    {
        var found = new List<SyntaxNode>();

        // TempData written through the dictionary: only in a file that spells it (the property or the interface).
        var mayWriteTempData = TreeText.MayMention(tree, TempDataWriteRecognizer.MentionNames);
        var root = tree.GetRoot();
        if (!walkWholeTree && CandidateText.Triggers(tree, TriggerNames) is { } triggers)
        {
            foreach (var position in triggers)
            {
                // A candidate is an expression around the token the text points at, never past its statement or member.
                for (var node = root.FindToken(position).Parent; node is not null; node = node.Parent)
                {
                    Consider(node, found, mayWriteTempData);
                    if (node is StatementSyntax or MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax)
                    {
                        break;
                    }
                }
            }
        }
        else
        {
            foreach (var node in root.DescendantNodes())
            {
                Consider(node, found, mayWriteTempData);
            }
        }

        return found.Count == 0 ? ImmutableArray<SyntaxNode>.Empty : found.Distinct().OrderBy(n => n.SpanStart).ToImmutableArray();
    }

    /// <summary>The whole identifiers that <see cref="Consider"/> may find a candidate at, besides the shapes <see cref="CandidateText"/> finds by punctuation.</summary>
    private string[] TriggerNames => _triggerNames.Value;

    private string[] GatherTriggerNames() =>
        _calledNames.Value
            .Union(_helperNames.Value)
            .Union(CookieWriteRecognizer.CallNames)
            .Add(TempDataWriteRecognizer.AddName)
            .Add(TempDataWriteRecognizer.TryAddName)
            .Union(_tempDataProperties.Value)
            .Union(_model.SignOuts.ResultTypeNames)
            .Union(LifetimeReader.OptionsPropertyNames)
            .Add(CookieWriteRecognizer.SetCookieProperty)
            .Add(CookieBuilderResolver.CookieProperty)
            .ToArray();

    /// <summary>Adds <paramref name="node"/>, or the calls it configures, when it may be a candidate.</summary>
    private void Consider(SyntaxNode node, List<SyntaxNode> found, bool mayWriteTempData)
    {
        switch (node)
        {
            case InvocationExpressionSyntax invocation:
                var name = SyntaxNames.Invoked(invocation);
                if (_calledNames.Value.Contains(name)
                    || _helperNames.Value.Contains(name)
                    || CookieWriteRecognizer.MayWrite(invocation, name, _headerNames.Value)
                    || (mayWriteTempData && name is TempDataWriteRecognizer.AddName or TempDataWriteRecognizer.TryAddName))
                {
                    found.Add(invocation);
                }

                break;
            case AssignmentExpressionSyntax assignment:
                if (CookieWriteRecognizer.MayWrite(assignment, _headerNames.Value) || MayWriteTempData(assignment, mayWriteTempData))
                {
                    found.Add(assignment);
                }

                break;
            case InitializerExpressionSyntax element when CookieWriteRecognizer.MayWrite(element, _headerNames.Value):
                found.Add(element);
                break;
            case BaseObjectCreationExpressionSyntax creation when _model.SignOuts.MayCreate(creation):
                found.Add(creation);
                break;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: CookieBuilderResolver.CookieProperty } cookie:
                AddConfiguringCalls(cookie, found);
                break;
            case MemberAccessExpressionSyntax lifetime when LifetimeReader.OptionsPropertyNames.Contains(lifetime.Name.Identifier.ValueText):
                AddConfiguringCalls(lifetime, found);
                break;
        }
    }

    /// <summary><c>TempData["k"] = v</c> in a file that spells TempData, or an assignment to a property named like a <c>[TempData]</c> one.</summary>
    private bool MayWriteTempData(AssignmentExpressionSyntax assignment, bool mayWriteThroughDictionary) => assignment.Left switch
    {
        ElementAccessExpressionSyntax => mayWriteThroughDictionary,
        ExpressionSyntax left => SyntaxNames.Rightmost(left) is { } name && _tempDataProperties.Value.Contains(name),
    };

    /// <summary>
    /// <c>options.Cookie</c> inside a lambda handed to a call (<c>services.Configure&lt;CookieAuthenticationOptions&gt;(o =&gt;
    /// o.Cookie.HttpOnly = false)</c>): the call configures a framework cookie if the lambda's parameter is its options.
    /// </summary>
    private static void AddConfiguringCalls(SyntaxNode cookie, List<SyntaxNode> found)
    {
        for (var node = cookie.Parent; node is not null and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is not AnonymousFunctionExpressionSyntax)
            {
                continue;
            }

            var outer = node.Parent;
            while (outer is ParenthesizedExpressionSyntax or CastExpressionSyntax)
            {
                outer = outer.Parent;
            }

            if (outer is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } })
            {
                found.Add(call);
            }
        }
    }
}
