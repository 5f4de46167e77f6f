using System.Text.Json.Serialization;

namespace Astro.Triggers.Sdk.TrueFoundry;

/// <summary>The command of a run's input, in either form TrueFoundry accepts: one string
/// (<c>"python etl.py --full"</c>, <see cref="Text"/>) or a list of strings (<c>["python", "etl.py", "--full"]</c>,
/// <see cref="Parts"/>). It is sent in the form it was given and read in the form the service used (vendors.md;
/// the vendor's own models type it <c>string | string[]</c>). A string converts implicitly, so
/// <c>Command = "python etl.py"</c> reads as before.</summary>
[JsonConverter(typeof(JobRunCommandConverter))]
public sealed class JobRunCommand
{
    private JobRunCommand(string? text, IReadOnlyList<string>? parts)
    {
        Text = text;
        Parts = parts;
    }

    /// <summary>The command as one string; null when it is a list (see <see cref="Parts"/>).</summary>
    public string? Text { get; }

    /// <summary>The command as a list (program, then arguments); null when it is one string (see <see cref="Text"/>).</summary>
    public IReadOnlyList<string>? Parts { get; }

    /// <summary>Whether the command is a list of strings rather than one string.</summary>
    public bool IsList => Parts is not null;

    /// <summary>A command sent as one string.</summary>
    /// <param name="text">The command line.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static JobRunCommand FromText(string text) => new(text ?? throw new ArgumentNullException(nameof(text)), null);

    /// <summary>A command sent as a list of strings.</summary>
    /// <param name="parts">The program and its arguments; none may be null.</param>
    /// <returns>The command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> or one of its items is null.</exception>
    public static JobRunCommand FromList(IEnumerable<string> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToArray();
        if (list.Any(p => p is null))
        {
            throw new ArgumentNullException(nameof(parts), "A command list cannot hold null items.");
        }

        return new JobRunCommand(null, list);
    }

    /// <summary>A command sent as one string; null stays null.</summary>
    /// <param name="text">The command line.</param>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static implicit operator JobRunCommand?(string? text) => text is null ? null : FromText(text);

    /// <summary>The command as a person would type it: <see cref="Text"/>, or the parts joined with spaces.</summary>
    /// <returns>The command line.</returns>
    public override string ToString() => Text ?? string.Join(' ', Parts!);
}
