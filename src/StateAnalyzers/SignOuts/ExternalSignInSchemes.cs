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
/// The schemes the project registers as the sign-in scheme of a remote handler (OpenID Connect, OAuth, an external
/// login): <c>RemoteAuthenticationOptions.SignInScheme</c> or <c>AuthenticationOptions.DefaultSignInScheme</c>, set in
/// an options lambda or initializer anywhere in source, unless the same scheme is also the app's own
/// (<c>DefaultScheme</c>, <c>DefaultAuthenticateScheme</c>, <c>AddAuthentication(defaultScheme)</c>): an OpenID Connect
/// client whose handler signs into its one cookie scheme logs out of that scheme. Signing out of such an
/// intermediate cookie ends an external login step, not the user's session. Schemes are matched by their folded
/// value, or by the field or property that holds them when the value is not constant.
/// </summary>
internal sealed class ExternalSignInSchemes
{
    private const string RemoteOptions = "Microsoft.AspNetCore.Authentication.RemoteAuthenticationOptions";
    private const string AuthenticationOptions = "Microsoft.AspNetCore.Authentication.AuthenticationOptions";
    private const string AddAuthenticationType = "Microsoft.Extensions.DependencyInjection.AuthenticationServiceCollectionExtensions";

    private static readonly ImmutableArray<string> SignInNames = ImmutableArray.Create("SignInScheme", "DefaultSignInScheme");
    private static readonly ImmutableHashSet<string> MainNames = ImmutableHashSet.Create(StringComparer.Ordinal, "DefaultScheme", "DefaultAuthenticateScheme");
    private static readonly ImmutableArray<string> WalkNames = SignInNames.AddRange(MainNames).Add("AddAuthentication");

    public static readonly ExternalSignInSchemes None = new(new SchemeKeys(), new SchemeKeys());

    private readonly SchemeKeys _signIn;
    private readonly SchemeKeys _main;

    private ExternalSignInSchemes(SchemeKeys signIn, SchemeKeys main)
    {
        _signIn = signIn;
        _main = main;
    }

    /// <summary>Whether signing out of <paramref name="scheme"/> ends an external login step.</summary>
    public bool Contains(IOperation scheme) =>
        SchemeKeys.KeyOf(scheme) is { } key && _signIn.Contains(key) && !_main.Contains(key);

    private static readonly object Yes = new();
    private static readonly object No = new();

    /// <summary>Whether a tree spells a sign-in scheme property at all: text only, kept for the tree's lifetime, so a project without remote handlers is not searched again after an edit.</summary>
    private static readonly SyntaxSummaries<object> MentionsSignInScheme = new(t => TreeText.MayMention(t, SignInNames) ? Yes : No);

    public static ExternalSignInSchemes Gather(CompilationModel model)
    {
        if (!model.Compilation.SyntaxTrees.Any(t => MentionsSignInScheme.For(t) == Yes))
        {
            return None;
        }

        var signIn = new SchemeKeys();
        var main = new SchemeKeys();
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            if (!TreeText.MayMention(tree, WalkNames))
            {
                continue;
            }

            var semanticModel = model.SemanticModelFor(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when SyntaxNames.Rightmost(assignment.Left) is { } name && (SignInNames.Contains(name) || MainNames.Contains(name)):
                        if (semanticModel.GetOperation(assignment) is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } operation)
                        {
                            Add(target.Property, operation.Value, signIn, main);
                        }

                        break;
                    case InvocationExpressionSyntax invocation when SyntaxNames.Invoked(invocation) == "AddAuthentication":
                        if (semanticModel.GetOperation(invocation) is IInvocationOperation call
                            && QualifiedNames.Is(call.TargetMethod.ContainingType, AddAuthenticationType)
                            && call.Arguments.FirstOrDefault(a => a.Parameter?.Name == "defaultScheme") is { } defaultScheme)
                        {
                            main.Add(defaultScheme.Value);
                        }

                        break;
                }
            }
        }

        return signIn.IsEmpty ? None : new ExternalSignInSchemes(signIn, main);
    }

    private static void Add(IPropertySymbol property, IOperation value, SchemeKeys signIn, SchemeKeys main)
    {
        var declaring = property.OriginalDefinition.ContainingType;
        switch (property.Name)
        {
            case "SignInScheme" when QualifiedNames.Is(declaring, RemoteOptions):
            case "DefaultSignInScheme" when QualifiedNames.Is(declaring, AuthenticationOptions):
                signIn.Add(value);
                break;
            case "DefaultScheme" or "DefaultAuthenticateScheme" when QualifiedNames.Is(declaring, AuthenticationOptions):
                main.Add(value);
                break;
        }
    }

    /// <summary>Scheme values as folded strings, or as the symbols that hold them.</summary>
    private sealed class SchemeKeys
    {
        private readonly HashSet<object> _keys = new(new KeyComparer());

        public bool IsEmpty => _keys.Count == 0;

        public void Add(IOperation value)
        {
            if (KeyOf(value) is { } key)
            {
                _keys.Add(key);
            }
        }

        public bool Contains(object key) => _keys.Contains(key);

        /// <summary>A constant's value; a <c>static readonly</c> field in source initialized with a constant, by that value; otherwise the field or property read.</summary>
        public static object? KeyOf(IOperation value)
        {
            var operation = OperationFlow.SkipConversions(value);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value as string;
            }

            var member = operation switch
            {
                IFieldReferenceOperation field => (ISymbol)field.Field,
                IPropertyReferenceOperation { Arguments.IsEmpty: true } property => property.Property,
                _ => null,
            };
            if (member is IFieldSymbol { IsStatic: true, IsReadOnly: true } readOnly && InitialValue(readOnly) is { } initial)
            {
                return initial;
            }

            return member?.OriginalDefinition;
        }

        private static string? InitialValue(IFieldSymbol field)
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
                    && literal.Token.Value is string text)
                {
                    return text;
                }
            }

            return null;
        }

        private sealed class KeyComparer : IEqualityComparer<object>
        {
            public new bool Equals(object? x, object? y) => x is ISymbol a && y is ISymbol b
                ? SymbolEqualityComparer.Default.Equals(a, b)
                : x is string s && y is string t && string.Equals(s, t, StringComparison.Ordinal);

            public int GetHashCode(object obj) => obj is ISymbol symbol ? SymbolEqualityComparer.Default.GetHashCode(symbol) : obj.GetHashCode();
        }
    }
}
