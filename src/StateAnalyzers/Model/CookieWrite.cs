using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Model
{
    /// <summary>
    /// One place where the code decides a cookie: an <c>Append</c>, a raw Set-Cookie header, or a framework cookie's
    /// builder. Every cookie rule reads these facts instead of looking at syntax itself.
    /// </summary>
    internal sealed class CookieWrite
    {
        public CookieWrite(CookieSource source, IOperation operation, string? name, IOperation? value, CookieAttributes attributes, bool isRegistration = false)
        {
            IsRegistration = isRegistration;
            Source = source;
            Operation = operation;
            Name = name;
            Value = value;
            Attributes = attributes;
        }

        public CookieSource Source { get; }

        /// <summary>The write itself (the invocation or assignment); findings about the cookie are reported here.</summary>
        public IOperation Operation { get; }

        /// <summary>The cookie's name when it is a compile-time constant.</summary>
        public string? Name { get; }

        /// <summary>The value written, when there is one (not for builders).</summary>
        public IOperation? Value { get; }

        public CookieAttributes Attributes { get; }

        /// <summary>
        /// For builders: the call that registers the component (<c>AddSession</c>, <c>AddCookie</c>, ...), where the
        /// framework's defaults apply, as opposed to a later <c>Configure&lt;TOptions&gt;</c> that only layers changes.
        /// </summary>
        public bool IsRegistration { get; }

        /// <summary>For messages: <c>'name'</c>, or what kind of cookie it is when the name is not known.</summary>
        public string DisplayName => Name is null ? Source.Describe() : "'" + Name + "'";
    }
}
