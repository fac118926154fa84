namespace StateAnalyzers.Cli.Tests.Scans;

/// <summary>
/// Every test that runs a scan is in this collection: they share the expensive scans (<see cref="ShopAppScan"/>,
/// <see cref="ThreeProjectScan"/>) and run one at a time on the shared two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ScanCollection : ICollectionFixture<ShopAppScan>, ICollectionFixture<ThreeProjectScan>
{
    public const string Name = "scans";
}
