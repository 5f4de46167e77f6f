using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests;

/// <summary>What ModelPostProcessor changes in NSwag's models: enum names and wire names, the Unknown member,
/// and x-astro-internal. Compared per type (Expected/enums.*.cs), not the whole NSwag file.</summary>
public class ModelPostProcessorTests
{
    [Fact]
    public async Task Gives_SHOUTING_CASE_enum_values_dotnet_names_and_pins_the_wire_values()
    {
        var generated = await Generated.FromDocumentAsync("enums.yaml");

        Snapshot.Matches(generated.ModelType("RunStatus"), "enums.RunStatus.cs");
    }

    [Fact]
    public async Task Pins_the_wire_values_of_lower_case_enum_values()
    {
        var generated = await Generated.FromDocumentAsync("enums.yaml");

        Snapshot.Matches(generated.ModelType("SortOrder"), "enums.SortOrder.cs");
    }

    [Fact]
    public async Task Adds_an_Unknown_member_after_the_last_value_and_reads_unknown_values_as_it()
    {
        var generated = await Generated.FromDocumentAsync("enums.yaml");
        var runStatus = generated.ModelType("RunStatus");

        runStatus.Should().Contain("[System.Text.Json.Serialization.JsonConverter(typeof(RunStatusJsonConverter))]\n    public enum RunStatus")
            .And.Contain("        Unknown = 5,\n");
    }

    [Fact]
    public async Task Keeps_an_UNKNOWN_value_of_the_document_as_the_only_Unknown_member()
    {
        var generated = await Generated.FromDocumentAsync("enums.yaml");
        var taskStatus = generated.ModelType("TaskStatus");

        taskStatus.Should().Contain("[System.Text.Json.Serialization.JsonStringEnumMemberName(@\"UNKNOWN\")]")
            .And.Contain("        Unknown = 1,\n");
        taskStatus.Split("Unknown =").Should().HaveCount(2, "one Unknown member, the document's");
    }

    [Fact]
    public async Task Leaves_enum_properties_to_the_enum_type_s_own_converter()
    {
        var generated = await Generated.FromDocumentAsync("enums.yaml");

        // NSwag's property-level JsonStringEnumConverter<T> would win over TolerantEnumConverter.
        generated.Models.Should().NotContain("JsonStringEnumConverter");
        generated.ModelType("Run").Should().Contain("public RunStatus? Status { get; set; }");
    }

    [Theory]
    [InlineData("ThingPage", "internal partial class ThingPage\n")]
    // The flag written as text ("true") counts too.
    [InlineData("ErrorBody", "internal partial class ErrorBody\n")]
    [InlineData("Thing", "public partial class Thing\n")]
    [InlineData("BaseError", "public partial class BaseError\n")]
    [InlineData("DetailedError", "internal partial class DetailedError : BaseError\n")]
    [InlineData("InternalKind", "internal enum InternalKind\n")]
    public async Task Makes_schemas_marked_x_astro_internal_internal_and_leaves_the_rest_public(string type, string declaration)
    {
        var generated = await Generated.FromDocumentAsync("internal.yaml");

        generated.ModelType(type).Should().Contain("    " + declaration);
    }

    [Fact]
    public async Task Keeps_an_internal_enum_tolerant_and_written_by_its_wire_names()
    {
        // Found by the public-surface work: an enum made internal lost its TolerantEnumConverter (the rewrite looked
        // for "public enum" only), so a sort direction went out as 0 instead of "asc".
        var generated = await Generated.FromDocumentAsync("internal.yaml");

        generated.ModelType("InternalKind").Should().Contain("JsonConverter(typeof(InternalKindJsonConverter))");
        generated.ModelType("InternalKindJsonConverter").Should().Contain(
            "internal sealed class InternalKindJsonConverter : global::Astro.Triggers.Sdk.Core.Json.TolerantEnumConverter<InternalKind>");
    }

    [Fact]
    public async Task Hands_each_enum_s_converter_its_wire_names_and_members_in_order()
    {
        // Issue 30: a known value is read from this table, without reflection over the enum's fields.
        var generated = await Generated.FromDocumentAsync("enums.yaml");

        Snapshot.Matches(generated.ModelType("SortOrderJsonConverter"), "enums.SortOrderJsonConverter.cs");
        generated.ModelType("TaskStatusJsonConverter").Should().Contain("TaskStatus.Unknown, [");
    }
}
