namespace Hoop.TestCluster.Patching;

/// <summary>A JSON patch that is malformed (400) or cannot apply to the object (422).</summary>
internal sealed class JsonPatchException(string message, bool malformed = false) : Exception(message)
{
    public bool IsMalformed { get; } = malformed;
}
