using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Astro.Triggers.Sdk.Core.Json;

/// <summary>Reads one model from a whole JSON value, or declines (false) without side effects when the JSON is anything
/// but the plain case it is written for.</summary>
internal delegate bool TryReadModel<T>(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out T value);

/// <summary>How a response model is read: the generator's straight-line <see cref="TryRead"/> first, and where it
/// declines, the source-generated metadata as before (<see cref="Metadata"/>), which then decides everything: the value,
/// the lenient warnings, the exception and its path. Issue 30: building that metadata for a union-heavy model compiled
/// ~660 generic methods on a process's first response; the reader is one method per model type.</summary>
internal sealed class ModelReader<T>(TryReadModel<T> tryRead, Func<JsonTypeInfo<T>> metadata)
    where T : class
{
    private JsonTypeInfo<T>? _metadata;

    public TryReadModel<T> TryRead { get; } = tryRead;

    /// <summary>Built the first time a response is declined by <see cref="TryRead"/>, never before.</summary>
    public JsonTypeInfo<T> Metadata => _metadata ??= metadata();

    /// <summary>The model of a complete JSON document, or false when the document must be read by <see cref="Metadata"/>.
    /// Any exception (malformed JSON, too deep, a value out of range) declines too: the metadata path throws its own.</summary>
    public bool TryReadDocument(ReadOnlySpan<byte> json, [MaybeNullWhen(false)] out T value)
    {
        // What the metadata path's reader allows (JsonSerializerDefaults.Web): no comments, no trailing commas, depth 64.
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = WireRead.MaxDepth });
        try
        {
            // Nothing but whitespace may follow the value.
            if (reader.Read() && TryRead(ref reader, out value) && !reader.Read())
            {
                return true;
            }
        }
#pragma warning disable CA1031 // Declining is the whole point: the metadata path reads the same bytes and throws its own.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        value = null;
        return false;
    }
}
