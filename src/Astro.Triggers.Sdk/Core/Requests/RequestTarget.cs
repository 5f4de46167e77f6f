using System.Text;

namespace Astro.Triggers.Sdk.Core.Requests;

/// <summary>The request URI a generated operation builds, path then query, relative to the client's base address
/// (HttpClient joins the two). Spelled as Refit spelled it, so moving off Refit changed no byte on the wire (issue 30,
/// RequestWireTests): the base address's path first, without its trailing '/'; each path value one escaped segment;
/// <c>key=value</c> pairs joined by '&amp;', key and value escaped (RFC 3986 unreserved characters kept).</summary>
/// <remarks>A mutable struct held in one local of one synchronous method: its text is a per-thread builder, returned
/// by <see cref="ToUri"/>.</remarks>
internal struct RequestTarget
{
    [ThreadStatic]
    private static StringBuilder? _cached;

    private StringBuilder _text;
    private bool _hasQuery;

    /// <summary>Starts at the path of <paramref name="http"/>'s base address (a control plane served under a path).</summary>
    public static RequestTarget Start(HttpClient http)
    {
        var text = _cached ?? new StringBuilder(128);
        _cached = null;
        var basePath = http.BaseAddress?.AbsolutePath;
        if (basePath is not null && basePath != "/")
        {
            text.Append(basePath.AsSpan().TrimEnd('/'));
        }

        return new RequestTarget { _text = text };
    }

    /// <summary>A constant part of the path, as the document spells it.</summary>
    public readonly void Path(string constant) => _text.Append(constant);

    /// <summary>A value that fills one path segment: '/', '?', '#' and the rest escaped, null as empty.</summary>
    public readonly void Segment(string? value) => _text.Append(Uri.EscapeDataString(value ?? string.Empty));

    /// <summary>Starts a <c>key=</c> pair; its value follows through <see cref="Value"/> (one or more parts).</summary>
    public void Key(string key)
    {
        _text.Append(_hasQuery ? '&' : '?').Append(Uri.EscapeDataString(key)).Append('=');
        _hasQuery = true;
    }

    /// <summary>(A part of) the current pair's value, escaped.</summary>
    public readonly void Value(string value) => _text.Append(Uri.EscapeDataString(value));

    /// <summary>The comma between two items of a comma-joined value (style form, explode false), escaped as the
    /// whole joined value was.</summary>
    public readonly void Comma() => _text.Append("%2C");

    /// <summary>One <c>key=value</c> pair.</summary>
    public void Query(string key, string value)
    {
        Key(key);
        Value(value);
    }

    /// <summary>The finished URI; the builder goes back to this thread's cache.</summary>
    public readonly Uri ToUri()
    {
        var uri = new Uri(_text.ToString(), UriKind.Relative);
        if (_text.Capacity <= 1024)
        {
            _text.Clear();
            _cached = _text;
        }

        return uri;
    }
}
