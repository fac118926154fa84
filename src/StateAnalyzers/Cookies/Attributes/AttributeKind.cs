namespace StateAnalyzers.Cookies.Attributes;

internal enum AttributeKind
{
    HttpOnly,
    Secure,
    SameSite,
}
