namespace StateAnalyzers.Catalogue;

/// <summary>
/// Every rule ID, written once. Code refers to a rule by these names, so a plain text search for an ID finds its
/// descriptor, analyzer, fix, runtime check, tests and docs page.
/// </summary>
internal static class RuleIds
{
    public const string STATE001 = "STATE001";
    public const string STATE002 = "STATE002";
    public const string STATE003 = "STATE003";
    public const string STATE004 = "STATE004";
    public const string STATE005 = "STATE005";
    public const string STATE006 = "STATE006";
    public const string STATE007 = "STATE007";
    public const string STATE008 = "STATE008";
    public const string STATE009 = "STATE009";
    public const string STATE010 = "STATE010";
    public const string STATE011 = "STATE011";
}
