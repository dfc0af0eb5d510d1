namespace Hoop.TestCluster.Store;

/// <summary>A change to one object: ADDED, MODIFIED or DELETED, with the state before it for selector transitions.</summary>
internal sealed record WatchEvent(string Type, StoredObject Object, StoredObject? Previous)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
}
