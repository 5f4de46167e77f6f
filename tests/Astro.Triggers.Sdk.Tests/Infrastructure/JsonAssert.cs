using System.Text.Json.Nodes;

namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>Compares JSON by value (property order and whitespace ignored), showing both documents on failure.</summary>
public static class JsonAssert
{
    public static void Same(string? actual, string expected)
    {
        actual.Should().NotBeNull();
        var actualNode = JsonNode.Parse(actual!);
        var expectedNode = JsonNode.Parse(expected);
        JsonNode.DeepEquals(actualNode, expectedNode).Should().BeTrue(
            "the JSON sent should be {0} but was {1}", expectedNode?.ToJsonString(), actualNode?.ToJsonString());
    }
}
