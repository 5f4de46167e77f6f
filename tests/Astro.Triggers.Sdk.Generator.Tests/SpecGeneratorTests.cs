using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests;

/// <summary>How SpecGenerator sets NSwag up: hand-written types, unions, property names.</summary>
public class SpecGeneratorTests
{
    [Fact]
    public async Task Generates_no_type_for_a_schema_marked_x_astro_handwritten_but_keeps_referring_to_it()
    {
        var generated = await Generated.FromDocumentAsync("handwritten.yaml");

        generated.DeclaresModelType("Trigger").Should().BeFalse("the C# type is written by hand in the service folder");
        generated.ModelType("TriggerList").Should().Contain("public System.Collections.Generic.IList<Trigger>? Results { get; set; }");
        generated.Api.Should().Contain("public global::System.Threading.Tasks.ValueTask<Trigger> GetTriggerAsync(")
            .And.Contain("[global::System.Text.Json.Serialization.JsonSerializable(typeof(Trigger))]");
    }

    [Fact]
    public async Task Generates_an_allOf_union_with_a_discriminator_as_a_System_Text_Json_polymorphic_type()
    {
        var generated = await Generated.FromDocumentAsync("unions.yaml");

        Snapshot.Matches(generated.ModelType("Payload"), "unions.Payload.cs");
        generated.ModelType("TextPayload").Should().Contain("public partial class TextPayload : Payload\n");
        generated.ModelType("FilePayload").Should().Contain("public partial class FilePayload : Payload\n");
    }

    [Fact]
    public async Task An_integer_without_a_format_is_64_bit_in_models_and_parameters_and_only_int32_gives_int()
    {
        var generated = await Generated.FromDocumentAsync("integers.yaml");

        var counter = generated.ModelType("Counter");
        counter.Should().Contain("public long Total { get; set; }")
            .And.Contain("public long? OptionalCount { get; set; }")
            .And.Contain("public long? NullableCount { get; set; }")
            .And.Contain("public int? Small { get; set; }")
            .And.Contain("public long? Wide { get; set; }")
            .And.Contain("System.Collections.Generic.IList<long>? History { get; set; }");
        generated.Models.Should().Contain("public long? Depth { get; set; }").And.NotContain("public int? Depth");
        generated.Api.Should().Contain("            long? since,\n")
            .And.Contain("__target.Query(\"since\", __since.ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
    }

    [Fact]
    public async Task PascalCases_wire_property_names_and_prefixes_a_leading_digit()
    {
        var generated = await Generated.FromDocumentAsync("keywords.yaml");

        var item = generated.ModelType("Item");
        item.Should().Contain("[System.Text.Json.Serialization.JsonPropertyName(\"class\")]\n        public string? Class { get; set; }")
            .And.Contain("[System.Text.Json.Serialization.JsonPropertyName(\"event\")]\n        public string? Event { get; set; }")
            .And.Contain("[System.Text.Json.Serialization.JsonPropertyName(\"2fa_enabled\")]\n        public bool? _2faEnabled { get; set; }");
    }

    [Fact]
    public async Task Pascal_cases_snake_case_property_names()
    {
        var generated = await Generated.FromDocumentAsync("acme-jobs.yaml");

        generated.ModelType("Job").Should().Contain("[System.Text.Json.Serialization.JsonPropertyName(\"created_at\")]\n        public System.DateTimeOffset? CreatedAt { get; set; }");
    }
}
