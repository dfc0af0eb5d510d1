namespace Hoop.Gateway.Hosting;

/// <summary>
/// Marks a <see cref="SettingNames"/> constant the gateway runs without: it has a default, or another setting
/// stands in for it. The Bicep template need not set such a setting; docs/deploy.md lists it with its default.
/// </summary>
/// <remarks>
/// Every constant without this attribute must be set by <c>infra-bicep</c> (Infra/SettingNamesTests checks the
/// compiled template), so a new setting cannot ship without a value in Azure or a written reason why not.
/// </remarks>
/// <param name="reason">Why the setting may be left out (the default, or what replaces it).</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class OptionalSettingAttribute(string reason) : Attribute
{
    /// <summary>Why the setting may be left out (the default, or what replaces it).</summary>
    public string Reason { get; } = reason;
}
