using System.Diagnostics.CodeAnalysis;

namespace Hoop.Gateway.Sessions;

/// <summary>The outcome of a session operation: a value, or an HTTP status with a message safe to show the caller.</summary>
public sealed record SessionOutcome<T>
    where T : class
{
    private SessionOutcome(T? value, int statusCode, string? failure)
    {
        Value = value;
        StatusCode = statusCode;
        Failure = failure;
    }

    public T? Value { get; }

    public int StatusCode { get; }

    public string? Failure { get; }

    /// <summary>The approval this outcome waits for (202 Accepted: <see cref="Failure"/> says whose), else null.</summary>
    public string? ApprovalId { get; private init; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Value is not null;

    public static SessionOutcome<T> Ok(T value) => new(value, 200, null);

    public static SessionOutcome<T> Fail(int statusCode, string failure) => new(null, statusCode, failure);

    /// <summary>Not done yet: approval <paramref name="approvalId"/> is pending (202 Accepted).</summary>
    public static SessionOutcome<T> Accepted(string approvalId, string message) => new(null, 202, message) { ApprovalId = approvalId };
}
