using System.Text;
using System.Text.RegularExpressions;

namespace Hoop.Functions.Tests.Infra;

/// <summary>
/// Just enough of the ARM template expression language to read what bicep emits: which parameter a value is,
/// and which variables an expression uses, and whether only under an <c>if()</c>.
/// </summary>
internal static partial class ArmExpression
{
    /// <summary>The parameter name when <paramref name="value"/> is exactly <c>[parameters('name')]</c>, else null.</summary>
    public static string? ParameterName(string? value)
    {
        var match = value is null ? null : WholeParameter().Match(value);
        return match is { Success: true } ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// The variables whose values an expression yields, each with whether it is yielded only through an <c>if()</c>
    /// (so the template uses it under a condition), in order of appearance. Variables read as the condition of an
    /// <c>if()</c> (its first argument) are not values and are left out.
    /// </summary>
    public static IReadOnlyList<(string Name, bool Conditional)> VariableReferences(string expression)
    {
        var found = new List<(string, bool)>();
        var calls = new List<Call>();
        var identifier = new StringBuilder();
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '\'')
            {
                // A string literal; '' is an escaped quote inside it.
                var end = i + 1;
                while (end < expression.Length && !(expression[end] == '\'' && (end + 1 >= expression.Length || expression[end + 1] != '\'')))
                {
                    end += expression[end] == '\'' ? 2 : 1;
                }

                if (calls.Count > 0 && calls[^1].Name == "variables")
                {
                    var enclosing = calls[..^1];
                    if (!enclosing.Any(call => call.IsIf && call.Argument == 0))
                    {
                        found.Add((expression[(i + 1)..end], enclosing.Any(call => call.IsIf)));
                    }
                }

                i = end;
                identifier.Clear();
                continue;
            }

            if (char.IsLetterOrDigit(c) || c == '_')
            {
                identifier.Append(c);
                continue;
            }

            if (c == '(')
            {
                calls.Add(new Call(identifier.ToString()));
            }
            else if (c == ')' && calls.Count > 0)
            {
                calls.RemoveAt(calls.Count - 1);
            }
            else if (c == ',' && calls.Count > 0)
            {
                calls[^1].Argument++;
            }

            identifier.Clear();
        }

        return found;
    }

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex WholeParameter();

    private sealed class Call(string name)
    {
        public string Name { get; } = name;

        public bool IsIf => string.Equals(Name, "if", StringComparison.OrdinalIgnoreCase);

        public int Argument { get; set; }
    }
}
