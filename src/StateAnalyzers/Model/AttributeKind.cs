namespace StateAnalyzers.Model
{
    internal enum AttributeKind
    {
        HttpOnly,
        Secure,
        SameSite,
    }
}
