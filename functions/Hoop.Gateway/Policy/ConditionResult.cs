namespace Hoop.Gateway.Policy;

/// <summary>The outcome of a body condition. <see cref="Unknown"/> (unreadable body, ambiguous keys) counts as met for
/// block and approve rules and as not met for allow rules: an unreadable body never weakens the policy.</summary>
internal enum ConditionResult
{
    NotMet,
    Met,
    Unknown,
}
