using System.CommandLine;
using System.Text.Json.Nodes;
using Astro.Triggers.Cli.Fakes;
using Astro.Triggers.Cli.Output;

namespace Astro.Triggers.Cli.Tests;

/// <summary>Issue 28 §1: the CLI speaks the SDK's vocabulary. Every command is &lt;service&gt; &lt;noun&gt; &lt;verb&gt;,
/// a run is started by `start` on every service, every `cli` name of tests/conformance/vocabulary/vocabulary.json is a
/// command of this tree, and an id with a variable behind it is passed the same way everywhere (an option).</summary>
public sealed class VocabularyTests
{
    private static readonly RootCommand Root = CliApp.Build(new CliHost(TextWriter.Null, TextWriter.Null, _ => null, false, CancellationToken.None), new EmbeddedFakes());

    private static IEnumerable<(string Path, Command Command)> Visible(Command command, string path = "")
    {
        foreach (var child in command.Subcommands.Where(c => !c.Hidden))
        {
            var childPath = (path + " " + child.Name).Trim();
            yield return (childPath, child);
            foreach (var grandchild in Visible(child, childPath))
            {
                yield return grandchild;
            }
        }
    }

    [Fact]
    public void Every_service_command_is_service_noun_verb()
    {
        // fakes and wait (resume tokens of any service) are the two cross-service commands.
        var leaves = Visible(Root).Where(c => !c.Command.Subcommands.Any(s => !s.Hidden) && c.Path is not "fakes" and not "wait").Select(c => c.Path).ToList();

        leaves.Should().OnlyContain(p => p.Split(' ').Length == 3, string.Join(", ", leaves));
        leaves.Should().Contain(["agentset ingest-jobs start", "astropod ingestions start", "truefoundry job-runs start", "shipyard fleet-runs start", "mixpeek executions start"],
            "the SDKs' StartAsync is `start` on every service");
        leaves.Should().NotContain(p => p.EndsWith(" trigger", StringComparison.Ordinal) || p.EndsWith(" execute", StringComparison.Ordinal) || p.EndsWith(" history", StringComparison.Ordinal));
        leaves.Should().Contain(["agentset ingest-jobs wait", "truefoundry job-runs wait", "shipyard fleet-runs wait", "mixpeek executions wait"]);
    }

    [Fact]
    public void Every_cli_name_in_the_vocabulary_map_is_a_command()
    {
        var map = JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "tests", "conformance", "vocabulary", "vocabulary.json")))!;
        var commands = Visible(Root).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
        var names = new[] { "concepts", "accepted" }
            .SelectMany(list => map[list]!.AsArray())
            .Select(e => (string?)e!["cli"])
            .OfType<string>()
            .Where(n => !n.StartsWith('<'))
            .ToList();

        names.Should().NotBeEmpty();
        var missing = names.Select(n => string.Join(' ', n.Split(' ').TakeWhile(w => !w.StartsWith('-') && !w.StartsWith('<') && !w.StartsWith('(')))).Where(p => !commands.Contains(p)).ToList();
        missing.Should().BeEmpty("each `cli` name of vocabulary.json must be a visible astro-triggers command");
    }

    [Fact]
    public void An_id_with_a_variable_behind_it_is_an_option_on_every_command()
    {
        string[] scopeIds = ["org", "project", "fleet", "application-id", "deployment-id", "namespace-id", "account", "tenant"];
        var positional = Visible(Root).SelectMany(c => c.Command.Arguments.Select(a => (c.Path, a.Name))).Where(a => scopeIds.Contains(a.Name)).ToList();

        positional.Should().BeEmpty("org/project/fleet, application, deployment, namespace and tenant ids are --options (with their variable as default) on every command");
        foreach (var path in new[] { "shipyard fleet-runs start", "shipyard fleet-runs get", "shipyard fleet-runs list", "shipyard fleet-runs wait" })
        {
            var command = Visible(Root).Single(c => c.Path == path).Command;
            command.Options.Select(o => o.Name).Should().Contain(["--org", "--project", "--fleet"], path);
        }
    }

    [Fact]
    public void Options_are_offered_only_where_they_mean_something()
    {
        var fakes = Visible(Root).Single(c => c.Path == "fakes").Command;
        var preview = Visible(Root).Single(c => c.Path == "mixpeek triggers preview").Command;
        var start = Visible(Root).Single(c => c.Path == "agentset ingest-jobs start").Command;

        string[] meaningless = ["--offline", "--base-url", "--timeout", "--poll-interval", "--poll-interval-ratio", "--config"];
        AllOptions(fakes).Should().NotContain(meaningless);
        AllOptions(preview).Should().NotContain(["--timeout", "--poll-interval"]);
        AllOptions(start).Should().Contain(["--timeout", "--poll-interval", "--offline", "--json"]);
    }

    private static IEnumerable<string> AllOptions(Command command)
    {
        var own = true;
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault(), own = false)
        {
            foreach (var option in c.Options.Where(o => own || o.Recursive))
            {
                yield return option.Name;
            }
        }
    }
}

internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Astro.Triggers.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Astro.Triggers.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
