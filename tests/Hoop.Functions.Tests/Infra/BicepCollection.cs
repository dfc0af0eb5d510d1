namespace Hoop.Functions.Tests.Infra;

/// <summary>The infra tests share one <see cref="BicepCompilation"/> (one bicep build per test run).</summary>
[CollectionDefinition(Name)]
public sealed class BicepCollection : ICollectionFixture<BicepCompilation>
{
    public const string Name = "bicep";
}
