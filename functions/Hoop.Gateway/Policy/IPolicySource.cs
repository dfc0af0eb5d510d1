namespace Hoop.Gateway.Policy;

/// <summary>
/// Where the gateway's current policy comes from. <see cref="Current"/> is swapped atomically when a new valid policy is
/// loaded; a caller reads it once per request and keeps that document for the whole request.
/// </summary>
public interface IPolicySource
{
    /// <summary>The policy in force.</summary>
    PolicyDocument Current { get; }

    /// <summary>Increases by one each time <see cref="Current"/> is replaced (starts at 1).</summary>
    long Version { get; }

    /// <summary>Raised after <see cref="Current"/> is replaced by a newly loaded policy.</summary>
    event EventHandler? Changed;
}
