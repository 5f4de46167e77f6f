using System.Text.RegularExpressions;
using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests;

/// <summary>The command line MSBuild runs (Generation.targets): files written, exit codes, and errors in
/// MSBuild's canonical form so a bad document fails the build naming the file (and the line, for YAML).</summary>
[Collection(SharedConsole.Name)]
public sealed partial class ProgramTests : IDisposable
{
    private readonly string _outDir = Path.Combine(Path.GetTempPath(), "astro-generator-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outDir))
        {
            Directory.Delete(_outDir, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_one_file_per_document_and_exits_0()
    {
        var spec = TestPaths.Document("acme-jobs.yaml");

        var result = await Cli.RunAsync("--out", _outDir, spec);

        result.ExitCode.Should().Be(0);
        var target = Path.Combine(_outDir, "acme-jobs.g.cs");
        result.OutputLines.Should().Equal($"generated {target} from {spec}");
        (await File.ReadAllTextAsync(target)).Should().Be(await SpecGenerator.GenerateAsync(spec));
    }

    [Fact]
    public async Task Reports_invalid_YAML_as_ATSG003_at_its_line_and_column_and_exits_1()
    {
        var spec = TestPaths.Document("invalid-yaml.yaml");

        var result = await Cli.RunAsync("--out", _outDir, spec);

        result.ExitCode.Should().Be(1);
        result.OutputLines.Should().Equal(
            $"{spec}(3,1): error ATSG003: invalid YAML: While parsing a block mapping, did not find expected key.");
        result.OutputLines.Should().AllSatisfy(l => CanonicalError().IsMatch(l).Should().BeTrue(l));
        File.Exists(Path.Combine(_outDir, "invalid-yaml.g.cs")).Should().BeFalse();
    }

    [Fact]
    public async Task Reports_YAML_that_YamlDotNet_fails_to_deserialize_as_ATSG003_at_the_unclosed_brace()
    {
        var spec = TestPaths.Document("unclosed-flow-mapping.yaml");

        var result = await Cli.RunAsync("--out", _outDir, spec);

        // YamlDotNet's message says little here (its inner exception too: "Operation is not valid due to the
        // current state of the object."); the position is what helps: line 3, column 8 is the '{' never closed.
        result.ExitCode.Should().Be(1);
        result.OutputLines.Should().Equal($"{spec}(3,8): error ATSG003: invalid YAML: Exception during deserialization");
    }

    [Theory]
    [InlineData("union-oneof.yaml", "schema 'Payload' is a oneOf union with a discriminator; write it as a base schema with the discriminator and one allOf schema per case (see openapi/README.md, 'Unions')")]
    [InlineData("no-operation-id.yaml", "GET /jobs has no operationId (generated method names come from it)")]
    public async Task Reports_a_document_the_rules_refuse_as_ATSG001_and_exits_1(string document, string message)
    {
        var spec = TestPaths.Document(document);

        var result = await Cli.RunAsync("--out", _outDir, spec);

        result.ExitCode.Should().Be(1);
        result.OutputLines.Should().Equal($"{spec}: error ATSG001: {message}");
        result.OutputLines.Should().AllSatisfy(l => CanonicalError().IsMatch(l).Should().BeTrue(l));
    }

    [Fact]
    public async Task Reports_a_document_NSwag_cannot_read_as_ATSG002_and_exits_1()
    {
        var spec = TestPaths.Document("unresolved-ref.yaml");

        var result = await Cli.RunAsync("--out", _outDir, spec);

        result.ExitCode.Should().Be(1);
        result.OutputLines.Should().Equal(
            $"{spec}: error ATSG002: cannot generate code from this OpenAPI document: Could not resolve the path '#/components/schemas/Missing'.");
        result.OutputLines.Should().AllSatisfy(l => CanonicalError().IsMatch(l).Should().BeTrue(l));
    }

    [Fact]
    public async Task Names_the_full_path_of_a_document_given_relative()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, TestPaths.Document("no-paths.yaml"));

        var result = await Cli.RunAsync("--out", _outDir, relative);

        result.OutputLines.Should().Equal($"{TestPaths.Document("no-paths.yaml")}: error ATSG001: the document has no paths");
    }

    [Fact]
    public async Task Generates_the_good_documents_after_a_bad_one_and_still_exits_1()
    {
        var bad = TestPaths.Document("no-paths.yaml");
        var good = TestPaths.Document("service-name.yaml");

        var result = await Cli.RunAsync("--out", _outDir, bad, good);

        result.ExitCode.Should().Be(1);
        result.OutputLines.Should().HaveCount(2);
        result.OutputLines[0].Should().StartWith($"{bad}: error ATSG001: ");
        File.Exists(Path.Combine(_outDir, "service-name.g.cs")).Should().BeTrue();
        File.Exists(Path.Combine(_outDir, "no-paths.g.cs")).Should().BeFalse();
    }

    [Theory]
    [InlineData]
    [InlineData("--out")]
    [InlineData("--out", "generated")]
    [InlineData("spec.yaml")]
    public async Task Prints_the_usage_and_exits_2_without_an_output_folder_and_a_document(params string[] args)
    {
        var result = await Cli.RunAsync(args);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Be("usage: Astro.Triggers.Sdk.Generator [--lang csharp|python] --out <dir> <spec.yaml>...\n");
        result.Output.Should().BeEmpty();
    }

    // MSBuild's canonical error format (what Exec turns into a build error): origin[(line,col)]: error CODE: text.
    [GeneratedRegex(@"^(?<origin>[^(:]+(:[^(:]+)?)(\((?<line>\d+),(?<column>\d+)\))?: error (?<code>ATSG\d{3}): (?<text>.+)$")]
    private static partial Regex CanonicalError();
}
