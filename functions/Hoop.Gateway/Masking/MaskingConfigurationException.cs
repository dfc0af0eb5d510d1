namespace Hoop.Gateway.Masking;

/// <summary>The policy's <c>masking:</c> section is invalid; <see cref="Line"/> and <see cref="Column"/> point at the node.</summary>
public sealed class MaskingConfigurationException : FormatException
{
    public MaskingConfigurationException()
    {
    }

    public MaskingConfigurationException(string message)
        : base(message)
    {
    }

    public MaskingConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MaskingConfigurationException(string message, int line, int column)
        : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the offending node.</summary>
    public int Line { get; } = 1;

    /// <summary>1-based column of the offending node.</summary>
    public int Column { get; } = 1;
}
