namespace Hoop.TestCluster.Api;

/// <summary>Ends a request with a failure <c>Status</c>.</summary>
internal sealed class ApiException(ApiStatus status) : Exception(status.Message)
{
    public ApiStatus Status { get; } = status;
}
