namespace Hoop.TestCluster.Http;

/// <summary>What a delete asks for: a dry run, and the preconditions of its DeleteOptions.</summary>
internal sealed record DeleteRequest(bool DryRun, string? Uid, string? ResourceVersion);
