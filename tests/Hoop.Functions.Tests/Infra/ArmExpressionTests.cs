namespace Hoop.Functions.Tests.Infra;

/// <summary>The small ARM expression reader the template tests rely on.</summary>
public sealed class ArmExpressionTests
{
    [Fact]
    public void VariableReferences_UnionWithConditionalBranch_SplitsAlwaysFromConditional()
    {
        var references = ArmExpression.VariableReferences(
            "[union(variables('a'), variables('b'), if(variables('isFlex'), createObject(), variables('c')))]");

        Assert.Equal([("a", false), ("b", false), ("c", true)], references);
    }

    [Fact]
    public void VariableReferences_ConditionOfNestedIf_IsNotAValue()
    {
        var references = ArmExpression.VariableReferences(
            "[if(equals(variables('x'), 'y'), variables('a'), if(variables('z'), variables('b'), createObject()))]");

        Assert.Equal([("a", true), ("b", true)], references);
    }

    [Fact]
    public void VariableReferences_ParenthesesAndCommasInStrings_AreIgnored()
    {
        var references = ArmExpression.VariableReferences("[union(createObject('k', 'if(, ''x'')'), variables('a'))]");

        Assert.Equal([("a", false)], references);
    }

    [Theory]
    [InlineData("[parameters('location')]", "location")]
    [InlineData("[parameters('a')]x", null)]
    [InlineData("[format('{0}', parameters('a'))]", null)]
    [InlineData("literal", null)]
    public void ParameterName_Value_IsOnlyAWholeParameterReference(string value, string? expected)
    {
        Assert.Equal(expected, ArmExpression.ParameterName(value));
    }
}
