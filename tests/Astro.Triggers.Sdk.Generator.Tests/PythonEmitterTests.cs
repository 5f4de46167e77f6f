using Astro.Triggers.Sdk.Generator.Python;
using Astro.Triggers.Sdk.Generator.Tests.Infrastructure;

namespace Astro.Triggers.Sdk.Generator.Tests;

/// <summary>The Python mode (<c>--lang python</c>): what it writes for small documents, and its command line. The
/// behaviour of the written Python (reading, unions, warnings, mypy --strict) is tested by pytest in Python/, on the
/// modules generated from openapi/.</summary>
[Collection(SharedConsole.Name)]
public sealed class PythonEmitterTests : IDisposable
{
    private readonly string _outDir = Path.Combine(Path.GetTempPath(), "astro-generator-py-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_outDir))
        {
            Directory.Delete(_outDir, recursive: true);
        }
    }

    [Fact]
    public async Task Writes_a_module_per_document_plus_wire_and_init_and_exits_0()
    {
        var specs = new[] { TestPaths.Document("acme-jobs.yaml"), TestPaths.Document("unions.yaml") };

        var result = await Cli.RunAsync(["--lang", "python", "--out", _outDir, .. specs]);

        result.ExitCode.Should().Be(0, result.Output);
        result.OutputLines.Should().Equal(
            $"generated {Path.Combine(_outDir, "acme_jobs.py")} from {specs[0]}",
            $"generated {Path.Combine(_outDir, "unions.py")} from {specs[1]}");
        Directory.GetFiles(_outDir).Select(Path.GetFileName).Should().BeEquivalentTo("acme_jobs.py", "unions.py", "_wire.py", "__init__.py");
        (await File.ReadAllTextAsync(Path.Combine(_outDir, "_wire.py"))).Should().Be(PythonEmitter.WireModule());
        (await File.ReadAllTextAsync(Path.Combine(_outDir, "__init__.py"))).Should().Contain("acme_jobs, unions");
    }

    [Fact]
    public async Task The_CSharp_mode_stays_the_default()
    {
        var spec = TestPaths.Document("acme-jobs.yaml");

        var result = await Cli.RunAsync("--out", _outDir, spec);

        result.ExitCode.Should().Be(0);
        File.Exists(Path.Combine(_outDir, "acme-jobs.g.cs")).Should().BeTrue();
        File.Exists(Path.Combine(_outDir, "_wire.py")).Should().BeFalse();
    }

    [Fact]
    public async Task An_unknown_language_prints_the_usage_and_exits_2()
    {
        var result = await Cli.RunAsync("--lang", "cobol", "--out", _outDir, TestPaths.Document("acme-jobs.yaml"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().StartWith("usage: ");
    }

    [Fact]
    public async Task The_document_rules_apply_to_Python_too()
    {
        var spec = TestPaths.Document("union-oneof.yaml");

        var result = await Cli.RunAsync("--lang", "python", "--out", _outDir, spec);

        result.ExitCode.Should().Be(1);
        result.OutputLines.Should().ContainSingle().Which.Should().StartWith($"{spec}: error ATSG001: schema 'Payload' is a oneOf union");
        File.Exists(Path.Combine(_outDir, "_wire.py")).Should().BeTrue("the shared module is written for the documents that did generate");
    }

    [Fact]
    public async Task A_union_becomes_a_base_class_its_cases_and_an_unknown_fallback()
    {
        Snapshot.Matches(await PythonEmitter.GenerateAsync(TestPaths.Document("unions.yaml")), "unions.py");
    }

    [Fact]
    public async Task Run_statuses_and_enums()
    {
        Snapshot.Matches(await PythonEmitter.GenerateAsync(TestPaths.Document("run-status.yaml")), "run-status.py");
    }

    [Fact]
    public async Task A_broken_run_status_map_fails_as_in_CSharp()
    {
        var act = () => PythonEmitter.GenerateAsync(TestPaths.Document("run-status-unknown-common.yaml"));

        await act.Should().ThrowAsync<SpecException>().WithMessage("*x-astro-run-status maps*which is not a common run status*");
    }

    [Theory]
    [InlineData("namespaceId", "namespace_id")]
    [InlineData("job_name", "job_name")]
    [InlineData("X-Namespace", "x_namespace")]
    [InlineData("fleetRunID", "fleet_run_id")]
    [InlineData("HTTPServer", "http_server")]
    [InlineData("keepPageheaderInOutput", "keep_pageheader_in_output")]
    [InlineData("from", "from_")]
    [InlineData("self", "self_")]
    [InlineData("2fa", "field_2fa")]
    public void Attribute_names_are_snake_case_and_never_keywords(string wire, string python)
    {
        PythonNaming.Snake(wire).Should().Be(python);
    }
}
