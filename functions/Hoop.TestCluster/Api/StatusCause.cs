namespace Hoop.TestCluster.Api;

/// <summary>One cause in a <c>Status</c>'s details (<c>FieldValueRequired</c> on <c>metadata.name</c>).</summary>
internal sealed record StatusCause(string Reason, string Message, string Field);
