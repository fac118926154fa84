using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Catalogue;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Values;

/// <summary>
/// STATE001: whether a cookie carries sensitive data, judged by the cookie's name, by the symbols its value reads
/// (followed through locals of the same method), by members marked as personal data, by token producers and
/// configuration secrets, and by the members of an object serialized into it. A value protected with ASP.NET Core
/// Data Protection is not sensitive unless it is a password; home-grown encryption or hashing exempts nothing.
/// </summary>
internal sealed class SensitiveValueClassifier
{
    private const int MaxDepth = 6;
    private static readonly string[] ConfigurationSecretWords = { "key", "secret", "token", "password", "connection string", "credential" };

    private readonly SensitiveNames _names;

    public SensitiveValueClassifier(SensitiveNames names)
    {
        _names = names;
    }

    /// <summary>Why the write is sensitive, or null. <paramref name="value"/> may be null when only the name is known; for a
    /// raw <c>Set-Cookie</c> header (<paramref name="rawHeader"/>) it is the whole header.</summary>
    public SensitiveVerdict? Classify(string? cookieName, IOperation? value, bool judgeName = true, bool rawHeader = false)
    {
        if (cookieName is not null && _names.IsAllowedCookie(cookieName))
        {
            return null;
        }

        // Framework and antiforgery names are exempt from the name rule and from what the value reads, but not from a
        // password in the name, nor from a constant value that is a secret by its shape (the runtime judges both alike).
        if (cookieName is not null && _names.IsFrameworkOrAntiforgery(cookieName))
        {
            var password = judgeName ? SensitiveNames.PasswordWord(cookieName) : null;
            return password is not null
                ? new SensitiveVerdict(FindingReasons.PasswordNameContains(password), isSecretToRemove: true)
                : ConstantShape(value, rawHeader) is { } shape ? new SensitiveVerdict(shape, isSecretToRemove: false) : null;
        }

        var nameWord = cookieName is null || !judgeName ? null : _names.MatchCookieName(cookieName);
        var walk = new Walk(this);
        var valueReason = value is null ? null : rawHeader ? ConstantShape(value, rawHeader) ?? walk.Visit(value, 0) : walk.Visit(value, 0);
        var secretToRemove = walk.MetSecretToRemove || (nameWord is not null && SensitiveNames.IsToRemove(nameWord));
        if (value is not null && IsProtected(value))
        {
            // Data Protection makes a value opaque and tamper-proof, but a password still never belongs on the client.
            if (nameWord is not null && SensitiveNames.IsNeverOnClient(nameWord))
            {
                return new SensitiveVerdict(FindingReasons.PasswordNameContains(nameWord), isSecretToRemove: true);
            }

            return walk.PasswordReason is { } password ? new SensitiveVerdict(password + FindingReasons.PasswordEvenProtected, isSecretToRemove: true) : null;
        }

        if (nameWord is not null)
        {
            return new SensitiveVerdict(FindingReasons.NameContains(nameWord), secretToRemove);
        }

        return valueReason is null ? null : new SensitiveVerdict(valueReason, secretToRemove);
    }

    /// <summary>
    /// Why an object is sensitive once a serializer writes it out (its type, in source, has a sensitive member), or
    /// null: for a value a helper serializes before storing it.
    /// </summary>
    public string? ClassifySerialized(IOperation graph)
    {
        var type = OperationFlow.SkipConversions(graph).Type;
        return new Walk(this).SensitiveMemberOf(type, 0) is { } reason ? "the serialized " + type!.Name + " " + reason : null;
    }

    /// <summary>The catalogue's value shapes (a JWT, a key format, a card number, an e-mail...) on a constant value.</summary>
    private static string? ConstantShape(IOperation? value, bool rawHeader)
    {
        // A raw header's value reaches Headers.Append through the implicit conversion to StringValues.
        if (value is null || OperationFlow.SkipConversions(value).ConstantValue is not { HasValue: true, Value: string text })
        {
            return null;
        }

        if (rawHeader)
        {
            // name=value; attributes: only the value (RFC 6265bis: a pair without '=' is all value).
            var semicolon = text.IndexOf(';');
            var pair = semicolon < 0 ? text : text.Substring(0, semicolon);
            var equals = pair.IndexOf('=');
            text = equals < 0 ? pair : pair.Substring(equals + 1);
        }

        return SecretValueShapes.Describe(text);
    }

    /// <summary>The value (through locals) is the output of Data Protection (<see cref="DataProtectionCall"/>).</summary>
    private static bool IsProtected(IOperation value, int depth = 0)
    {
        var operation = OperationFlow.SkipConversions(value);
        if (operation is IInvocationOperation invocation)
        {
            return DataProtectionCall.IsProtect(invocation.TargetMethod);
        }

        if (operation is ILocalReferenceOperation local && depth < MaxDepth)
        {
            var sources = ValueFlow.SourcesOf(local.Local, operation).ToList();
            return sources.Count > 0 && sources.All(s => IsProtected(s, depth + 1));
        }

        return false;
    }

    private sealed class Walk
    {
        private readonly SensitiveValueClassifier _owner;
        private readonly HashSet<ISymbol> _visitedLocals = new(SymbolEqualityComparer.Default);

        public Walk(SensitiveValueClassifier owner)
        {
            _owner = owner;
        }

        /// <summary>Set when the walk met a password anywhere, even inside <c>Protect(...)</c>.</summary>
        public string? PasswordReason { get; private set; }

        /// <summary>
        /// Set when the value is a password or private key itself (by symbol name, attribute or configuration key); an
        /// object that merely has such a member among others is not (the session may keep the object).
        /// </summary>
        public bool MetSecretToRemove { get; private set; }

        public string? Visit(IOperation operation, int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            // A constant is judged by its shape first; a named constant (ClaimTypes.Email, a hard-coded ApiKey) then by
            // its symbol, which a literal does not have.
            if (operation.ConstantValue is { HasValue: true, Value: string text } && SecretValueShapes.Describe(text) is { } shape)
            {
                return shape;
            }

            if (operation is ILiteralOperation)
            {
                return null;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return Symbol(local.Local, "local")
                        ?? (_visitedLocals.Add(local.Local) ? First(ValueFlow.SourcesOf(local.Local, operation), depth + 1) : null);
                case IParameterReferenceOperation parameter:
                    return Symbol(parameter.Parameter, "parameter");
                case IPropertyReferenceOperation property when IsConfigurationIndexer(property):
                    return ConfigurationKey(property.Arguments.FirstOrDefault()?.Value);
                case IMemberReferenceOperation member:
                    if (IsExemptMember(member.Member))
                    {
                        return null;
                    }

                    var memberReason = Symbol(member.Member, "member") ?? PersonalData(member.Member);
                    if (memberReason is not null || ScalarTypes.IsScalar(operation.Type))
                    {
                        return memberReason;
                    }

                    return member.Instance is null ? null : Visit(member.Instance, depth + 1);
                case IInvocationOperation invocation:
                    return Invocation(invocation, depth);
                case IAnonymousFunctionOperation:
                    return null;
                case IConditionalOperation conditional:
                    // The condition picks a value; it does not flow into it.
                    return Visit(conditional.WhenTrue, depth + 1) ?? (conditional.WhenFalse is null ? null : Visit(conditional.WhenFalse, depth + 1));
                default:
                    return First(operation.ChildOperations, depth + 1);
            }
        }

        private string? Invocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (IsExemptMember(method))
            {
                return null;
            }

            var type = method.ContainingType;
            if ((method.Name == "WriteToken" && QualifiedNames.Is(type, "System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler"))
                || (method.Name == "CreateToken" && QualifiedNames.Is(type, "Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler")))
            {
                return "a token from " + method.ContainingType!.Name + "." + method.Name;
            }

            if (method.Name == "GetConnectionString" && QualifiedNames.Is(method.ContainingNamespace, "Microsoft.Extensions.Configuration"))
            {
                return "a connection string from configuration";
            }

            if (method.Name is "GetValue" or "GetSection" && QualifiedNames.Is(method.ContainingNamespace, "Microsoft.Extensions.Configuration"))
            {
                return ConfigurationKey(invocation.Arguments.LastOrDefault(a => a.Parameter?.Type.SpecialType == SpecialType.System_String)?.Value);
            }

            if (DataProtectionCall.IsProtect(method))
            {
                // Protected: only a password inside still counts; PasswordReason records it.
                First(invocation.Arguments.Select(a => a.Value), depth + 1);
                return null;
            }

            if (SerializerCall.IsSerializer(method))
            {
                var serialized = invocation.Arguments.Select(a => a.Value).FirstOrDefault(a => a.Type?.SpecialType != SpecialType.System_String || a.Type is null);
                var graph = serialized is null ? null : OperationFlow.SkipConversions(serialized).Type;
                if (SensitiveMemberOf(graph, 0) is { } reason)
                {
                    return "the serialized " + graph!.Name + " " + reason;
                }
            }

            if (Symbol(method, "method") is { } named)
            {
                return named;
            }

            if (ScalarTypes.IsScalar(invocation.Type))
            {
                return null;
            }

            var inputs = invocation.Arguments.Select(a => a.Value);
            if (invocation.Instance is not null)
            {
                inputs = new[] { invocation.Instance }.Concat(inputs);
            }

            return First(inputs, depth + 1);
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

        private string? Symbol(ISymbol symbol, string kind)
        {
            if (symbol is IMethodSymbol { MethodKind: not MethodKind.Ordinary } || symbol.IsImplicitlyDeclared || IsCancellationToken(symbol))
            {
                return null;
            }

            var word = _owner._names.Match(symbol.Name);
            if (word is null)
            {
                return null;
            }

            var reason = "the value reads " + kind + " '" + symbol.Name + "'";
            MetSecretToRemove |= SensitiveNames.IsToRemove(word);
            if (SensitiveNames.IsNeverOnClient(word))
            {
                PasswordReason ??= reason;
            }

            return reason;
        }

        private string? PersonalData(ISymbol member)
        {
            foreach (var attribute in member.GetAttributes())
            {
                var attributeClass = attribute.AttributeClass;
                if (QualifiedNames.Is(attributeClass, "Microsoft.AspNetCore.Identity.PersonalDataAttribute")
                    || QualifiedNames.Is(attributeClass, "Microsoft.AspNetCore.Identity.ProtectedPersonalDataAttribute"))
                {
                    return "the value reads '" + member.Name + "', marked [" + attribute.AttributeClass!.Name.Replace("Attribute", string.Empty) + "]";
                }

                if (QualifiedNames.Is(attributeClass, "System.ComponentModel.DataAnnotations.DataTypeAttribute")
                    && attribute.ConstructorArguments.FirstOrDefault().Value is int dataType
                    && dataType == 11)
                {
                    var reason = "the value reads '" + member.Name + "', marked [DataType(DataType.Password)]";
                    PasswordReason ??= reason;
                    MetSecretToRemove = true;
                    return reason;
                }
            }

            return null;
        }

        /// <summary>A type in source with a member that is sensitive by name or attribute (collections: their element type).</summary>
        public string? SensitiveMemberOf(ITypeSymbol? type, int depth)
        {
            if (type is null || depth > 2)
            {
                return null;
            }

            if (type is IArrayTypeSymbol array)
            {
                return SensitiveMemberOf(array.ElementType, depth + 1);
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                foreach (var argument in generic.TypeArguments)
                {
                    if (SensitiveMemberOf(argument, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }
            }

            if (type.DeclaringSyntaxReferences.Length == 0)
            {
                return null;
            }

            foreach (var member in type.GetMembers().Where(m => m is IPropertySymbol or IFieldSymbol && !m.IsStatic && !m.IsImplicitlyDeclared))
            {
                if (_owner._names.Match(member.Name) is { } word)
                {
                    return "has member '" + member.Name + "' ('" + word + "')";
                }

                if (PersonalData(member) is not null)
                {
                    return "has member '" + member.Name + "' marked as personal data";
                }
            }

            return null;
        }

        /// <summary>A <c>CancellationToken</c> is named a token but carries no secret.</summary>
        private static bool IsCancellationToken(ISymbol symbol) => symbol switch
        {
            ILocalSymbol local => IsCancellationTokenType(local.Type),
            IParameterSymbol parameter => IsCancellationTokenType(parameter.Type),
            IFieldSymbol field => IsCancellationTokenType(field.Type),
            IPropertySymbol property => IsCancellationTokenType(property.Type),
            _ => false,
        };

        private static bool IsCancellationTokenType(ITypeSymbol type) => QualifiedNames.Is(type, "System.Threading.CancellationToken");

        private static bool IsExemptMember(ISymbol member) =>
            QualifiedNames.Is(member.ContainingNamespace, "Microsoft.AspNetCore.Antiforgery");

        private static bool IsConfigurationIndexer(IPropertyReferenceOperation property) =>
            property.Property.IsIndexer
            && QualifiedNames.Is(property.Property.ContainingType?.ContainingNamespace, "Microsoft.Extensions.Configuration");

        private string? ConfigurationKey(IOperation? key)
        {
            if (key?.ConstantValue.Value is not string text)
            {
                return null;
            }

            var parts = WordParts.Split(text);
            MetSecretToRemove |= WordParts.FindRun(parts, SensitiveWords.ToRemove) is not null;
            return WordParts.FindRun(parts, ConfigurationSecretWords) is not null
                ? "the configuration secret '" + text + "'"
                : null;
        }
    }
}
