using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Astro.Triggers.Sdk.Core.Security;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Astro.Triggers.Cli.Output;

/// <summary>Everything the CLI writes goes through here, masked. With <c>--json</c> stdout carries exactly one JSON
/// document and every human line goes to stderr; without it, results go to stdout. On a terminal Spectre.Console draws
/// tables and a live status line; redirected (CI logs) there are plain lines and no ANSI escapes.</summary>
internal sealed class CliOutput
{
    private readonly CliHost _host;
    private readonly object _gate = new();
    private IAnsiConsole? _console;

    public CliOutput(CliHost host, KnownSecrets secrets, bool json, bool verbose)
    {
        _host = host;
        Secrets = secrets;
        Json = json;
        Verbose = verbose;
        NoColor = host.Environment("NO_COLOR") is not null || string.Equals(host.Environment("TERM"), "dumb", StringComparison.Ordinal);
        // Live rendering only where a person watches: a terminal, and not while stdout belongs to a JSON document.
        Interactive = host.OutputIsTerminal && !json && !string.Equals(host.Environment("TERM"), "dumb", StringComparison.Ordinal);
    }

    /// <summary>The SDK's masker (the same rule as every SDK message: each secret of 6 characters or more, as sent,
    /// URL-escaped and JSON-escaped, and any bearer token), fed with every key the CLI loads.</summary>
    public KnownSecrets Secrets { get; }

    /// <summary>The text with every known secret replaced by <c>***</c>.</summary>
    public string Mask(string? text) => Secrets.Mask(text) ?? string.Empty;

    public bool Json { get; }

    public bool Verbose { get; }

    public bool NoColor { get; }

    /// <summary>stdout is a terminal a person watches (live status line, tables); false in CI logs and with --json.</summary>
    public bool Interactive { get; }

    /// <summary>The Spectre console on stdout, for live status and tables; only used when <see cref="Interactive"/>.</summary>
    public IAnsiConsole Console => _console ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = NoColor || !Interactive ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        Out = new AnsiConsoleOutput(_host.Output),
    });

    /// <summary>A result line for a person: stdout, or stderr when stdout is reserved for --json.</summary>
    public void Line(string text) => Write(Json ? _host.Error : _host.Output, text);

    /// <summary>A diagnostic line (always stderr).</summary>
    public void Log(string text) => Write(_host.Error, text);

    /// <summary>A --verbose line (stderr), e.g. the SDK's HTTP attempt logs.</summary>
    public void Trace(string text)
    {
        if (Verbose)
        {
            Write(_host.Error, text);
        }
    }

    /// <summary>The one JSON document of a --json run, on stdout.</summary>
    public void Document(JsonNode document)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            // Output for people and jq, never embedded in HTML: keep ' + < > and non-ASCII readable.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            document.WriteTo(writer);
        }

        Write(_host.Output, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>One compact JSON object on one line of stdout (<c>--jsonl</c>: a line per outcome, as it happens).</summary>
    public void JsonLine(JsonNode line) => Write(_host.Output, line.ToJsonString(new JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));

    /// <summary>Rows for a person: a Spectre table on a terminal, tab-separated lines otherwise (grep- and cut-friendly).</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var list = rows.Select(r => r.Select(c => Mask(c ?? "-")).ToArray()).ToList();
        if (Interactive)
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var header in headers)
            {
                table.AddColumn(new TableColumn(new Text(header, new Style(decoration: Decoration.Bold))));
            }

            foreach (var row in list)
            {
                table.AddRow(row.Select(c => (IRenderable)new Text(c)).ToArray());
            }

            lock (_gate)
            {
                Console.Write(table);
            }

            return;
        }

        Line(string.Join('\t', headers));
        foreach (var row in list)
        {
            Line(string.Join('\t', row));
        }
    }

    private void Write(TextWriter writer, string text)
    {
        lock (_gate)
        {
            writer.WriteLine(Mask(text));
            writer.Flush();
        }
    }
}
