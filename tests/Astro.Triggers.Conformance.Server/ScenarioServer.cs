using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Astro.Triggers.Conformance.Server;

/// <summary>Plays one scenario's exchanges over raw sockets on a random loopback port: the n-th request received (in
/// arrival order, over any connection) is checked against the n-th exchange's <c>expect</c> and answered with its
/// <c>answer</c> bytes or its <c>fault</c>. <see cref="Report"/> says how many requests arrived, what they were and
/// where they differed from <c>expect</c>.</summary>
public sealed class ScenarioServer : IAsyncDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    private readonly JsonArray _exchanges;
    private readonly Socket? _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<JsonObject> _seen = [];
    private readonly List<string> _mismatches = [];
    private readonly List<Socket> _connections = [];
    private readonly Lock _gate = new();
    private Task _acceptLoop = Task.CompletedTask;

    private ScenarioServer(JsonObject scenario)
    {
        _exchanges = scenario["exchanges"]?.AsArray() ?? [];
        var faults = _exchanges.Select(e => (string?)e?["fault"]).ToList();
        var refusing = faults.Count(f => f == "refuse-connection");
        if (refusing > 0 && refusing < faults.Count)
        {
            _mismatches.Add("scenario: \"refuse-connection\" must be every exchange's fault (a refused connect is never seen, so it cannot be counted among answered ones)");
        }

        if (refusing > 0 && refusing == faults.Count)
        {
            // Every connect is refused: a port that was free a moment ago and on which nothing listens.
            using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndPoint!).Port}/");
            return;
        }

        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}/");
    }

    /// <summary>http://127.0.0.1:port/ — the base address a client under test is given.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts serving <paramref name="scenario"/>'s exchanges.</summary>
    public static ScenarioServer Start(JsonObject scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var server = new ScenarioServer(scenario);
        if (server._listener is not null)
        {
            server._acceptLoop = Task.Run(server.AcceptLoopAsync);
        }

        return server;
    }

    /// <summary><c>{ requests, mismatches: [text], seen: [{method, path, query, headers, body}] }</c>.</summary>
    public JsonObject Report()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["requests"] = _seen.Count,
                ["mismatches"] = new JsonArray([.. _mismatches.Select(m => JsonValue.Create(m))]),
                ["seen"] = new JsonArray([.. _seen.Select(s => s.DeepClone())]),
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Dispose();
        lock (_gate)
        {
            foreach (var socket in _connections)
            {
                socket.Dispose();
            }
        }

        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
            {
                _connections.Add(socket);
            }

            _ = Task.Run(() => ServeConnectionAsync(socket));
        }
    }

    private async Task ServeConnectionAsync(Socket socket)
    {
        var reader = new RequestReader(socket);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var request = await reader.ReadAsync(_stop.Token);
                if (request is null)
                {
                    break;
                }

                int index;
                JsonObject? exchange;
                lock (_gate)
                {
                    index = _seen.Count;
                    _seen.Add(request);
                    exchange = index < _exchanges.Count ? _exchanges[index]?.AsObject() : null;
                    if (exchange is null)
                    {
                        _mismatches.Add($"request {index + 1}: {request["method"]} {request["path"]} arrived, but the scenario has only {_exchanges.Count} exchange(s)");
                    }
                    else
                    {
                        _mismatches.AddRange(Compare(index, exchange["expect"]?.AsObject(), request));
                    }
                }

                if (exchange is null)
                {
                    await socket.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 599 No Exchange Left\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), _stop.Token);
                    break;
                }

                if (!await PlayAsync(socket, exchange))
                {
                    return;
                }
            }

            socket.Shutdown(SocketShutdown.Both);
            socket.Close();
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
        }
    }

    /// <summary>Answers one request; false when the connection is finished with (closed, reset or held).</summary>
    private async Task<bool> PlayAsync(Socket socket, JsonObject exchange)
    {
        var fault = (string?)exchange["fault"];
        var (faultName, count) = ParseFault(fault);
        switch (faultName)
        {
            case "reset-before-headers":
                Reset(socket);
                return false;
            case "stall":
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return false;
        }

        var answer = exchange["answer"]?.AsObject() ?? throw new InvalidDataException($"an exchange with fault '{fault}' needs an answer");
        var body = Body(answer);
        var closeDelimited = faultName is "close-delimited" or "close-delimited-after-body-bytes";
        var head = Head(answer, body.Length, closeDelimited);
        await socket.SendAsync(head, _stop.Token);
        switch (faultName)
        {
            case null:
                await socket.SendAsync(body, _stop.Token);
                return string.Equals((string?)answer["headers"]?["Connection"], "close", StringComparison.OrdinalIgnoreCase) ? Close(socket) : true;
            case "close-delimited":
                await socket.SendAsync(body, _stop.Token);
                return Close(socket);
            case "close-delimited-after-body-bytes":
                await socket.SendAsync(body.AsMemory(0, Cut(count, body.Length)), _stop.Token);
                return Close(socket);
            case "reset-after-body-bytes":
                await socket.SendAsync(body.AsMemory(0, Cut(count, body.Length)), _stop.Token);
                await Task.Delay(50, _stop.Token);
                Reset(socket);
                return false;
            case "stall-after-body-bytes":
                await socket.SendAsync(body.AsMemory(0, Cut(count, body.Length)), _stop.Token);
                await Task.Delay(Timeout.Infinite, _stop.Token);
                return false;
            default:
                throw new InvalidDataException($"unknown fault '{fault}'");
        }
    }

    private static (string? Name, int Count) ParseFault(string? fault)
    {
        if (fault is null)
        {
            return (null, 0);
        }

        var colon = fault.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (fault, 0) : (fault[..colon], int.Parse(fault[(colon + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
    }

    /// <summary>N bytes, or all but the last -N when N is negative.</summary>
    private static int Cut(int count, int length) => Math.Clamp(count < 0 ? length + count : count, 0, length);

    private static bool Close(Socket socket)
    {
        socket.Shutdown(SocketShutdown.Send);
        socket.Close(1);
        return false;
    }

    private static void Reset(Socket socket)
    {
        socket.LingerState = new LingerOption(true, 0);
        socket.Close();
    }

    private static byte[] Body(JsonObject answer)
    {
        var body = answer["bodyBase64"] is { } b64 ? Convert.FromBase64String((string)b64!)
            : answer["body"] is { } text ? Encoding.UTF8.GetBytes((string)text!)
            : [];
        if (answer["bodyRepeat"] is JsonObject repeat)
        {
            // { text, count }: a large body without a large file.
            var unit = (string)repeat["text"]!;
            body = [.. body, .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(unit, (int)repeat["count"]!)))];
            if (answer["bodySuffix"] is { } suffix)
            {
                body = [.. body, .. Encoding.UTF8.GetBytes((string)suffix!)];
            }
        }

        if ((string?)answer["encode"] == "gzip")
        {
            using var output = new MemoryStream();
            using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(body);
            }

            body = output.ToArray();
        }

        return body;
    }

    private static byte[] Head(JsonObject answer, int bodyLength, bool closeDelimited)
    {
        var status = (int)answer["status"]!;
        var headers = answer["headers"]?.AsObject() ?? [];
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {Reason(status)}\r\n");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            names.Add(name);
            text.Append(CultureInfo.InvariantCulture, $"{name}: {(string?)value}\r\n");
        }

        if ((string?)answer["encode"] == "gzip" && !names.Contains("Content-Encoding"))
        {
            text.Append("Content-Encoding: gzip\r\n");
        }

        if (closeDelimited)
        {
            text.Append("Connection: close\r\n");
        }
        else if (!names.Contains("Content-Length") && !names.Contains("Transfer-Encoding"))
        {
            text.Append(CultureInfo.InvariantCulture, $"Content-Length: {bodyLength}\r\n");
        }

        text.Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK", 201 => "Created", 202 => "Accepted", 204 => "No Content",
        400 => "Bad Request", 401 => "Unauthorized", 402 => "Payment Required", 403 => "Forbidden", 404 => "Not Found",
        409 => "Conflict", 410 => "Gone", 422 => "Unprocessable Entity", 429 => "Too Many Requests",
        500 => "Internal Server Error", 502 => "Bad Gateway", 503 => "Service Unavailable", 504 => "Gateway Timeout",
        _ => "Status",
    };

    /// <summary>Where <paramref name="seen"/> differs from <paramref name="expect"/>, one text per difference.</summary>
    internal static IEnumerable<string> Compare(int index, JsonObject? expect, JsonObject seen)
    {
        if (expect is null)
        {
            yield break;
        }

        var at = $"request {index + 1}";
        if (expect["method"] is { } method && !string.Equals((string?)method, (string?)seen["method"], StringComparison.Ordinal))
        {
            yield return $"{at}: method {seen["method"]}, expected {method}";
        }

        if (expect["path"] is { } path && !string.Equals((string?)path, (string?)seen["path"], StringComparison.Ordinal))
        {
            yield return $"{at}: path {seen["path"]}, expected {path}";
        }

        foreach (var (part, label) in new[] { ("query", "query parameter"), ("headers", "header") })
        {
            if (expect[part] is not JsonObject wanted)
            {
                continue;
            }

            // { name: value | "*" (present, any value) | null (absent) }; names not listed are not checked.
            var actual = seen[part]!.AsObject();
            foreach (var (name, value) in wanted)
            {
                var key = part == "headers" ? name.ToLowerInvariant() : name;
                var sent = (string?)actual[key];
                var expected = (string?)value;
                if (expected is null && sent is not null)
                {
                    yield return $"{at}: {label} {name} was sent ('{sent}'), expected none";
                }
                else if (expected == "*" && sent is null)
                {
                    yield return $"{at}: {label} {name} is missing";
                }
                else if (expected is not null && expected != "*" && sent != expected)
                {
                    yield return $"{at}: {label} {name} is {(sent is null ? "missing" : $"'{sent}'")}, expected '{expected}'";
                }
            }
        }

        if (expect.ContainsKey("body"))
        {
            var body = (string?)seen["body"] ?? "";
            var expected = expect["body"];
            if (expected is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                if ((string?)v != body)
                {
                    yield return $"{at}: body '{body}', expected '{v}'";
                }
            }
            else
            {
                JsonNode? parsed = null;
                try
                {
                    parsed = body.Length == 0 ? null : JsonNode.Parse(body);
                }
                catch (JsonException)
                {
                }

                if (!Contains(expected, parsed))
                {
                    yield return $"{at}: body {body}, expected (at least) {expected?.ToJsonString() ?? "none"}";
                }
            }
        }
    }

    /// <summary>Objects: every expected member is there and contains its expected value (others are ignored);
    /// anything else: equal as JSON.</summary>
    private static bool Contains(JsonNode? expected, JsonNode? actual) => (expected, actual) switch
    {
        (null, _) => actual is null,
        (JsonObject e, JsonObject a) => e.All(p => a.ContainsKey(p.Key) && Contains(p.Value, a[p.Key])),
        (JsonArray e, JsonArray a) => e.Count == a.Count && e.Zip(a).All(pair => Contains(pair.First, pair.Second)),
        _ => JsonNode.DeepEquals(expected, actual),
    };

    /// <summary>Reads HTTP/1.1 requests off one connection (Content-Length or chunked bodies).</summary>
    private sealed class RequestReader(Socket socket)
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _count;

        public async Task<JsonObject?> ReadAsync(CancellationToken token)
        {
            int end;
            while ((end = _buffer.AsSpan(0, _count).IndexOf(HeaderEnd)) < 0)
            {
                if (!await FillAsync(token))
                {
                    return null;
                }
            }

            var headText = Encoding.UTF8.GetString(_buffer, 0, end);
            Consume(end + HeaderEnd.Length);
            var lines = headText.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var target = requestLine.Length > 1 ? requestLine[1] : "/";
            var headers = new JsonObject();
            foreach (var line in lines.Skip(1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    var name = line[..colon].Trim().ToLowerInvariant();
                    var value = line[(colon + 1)..].Trim();
                    headers[name] = headers[name] is { } earlier ? $"{earlier}, {value}" : value;
                }
            }

            byte[] body;
            if (((string?)headers["transfer-encoding"])?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                body = await ReadChunkedAsync(token);
            }
            else
            {
                var length = headers["content-length"] is { } cl ? int.Parse((string)cl!, CultureInfo.InvariantCulture) : 0;
                body = await ReadExactlyAsync(length, token);
            }

            var question = target.IndexOf('?', StringComparison.Ordinal);
            var query = new JsonObject();
            if (question >= 0)
            {
                foreach (var pair in target[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
                {
                    var eq = pair.IndexOf('=', StringComparison.Ordinal);
                    var name = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
                    var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' '));
                    query[name] = query[name] is { } earlier ? $"{earlier},{value}" : value;
                }
            }

            return new JsonObject
            {
                ["method"] = requestLine[0],
                ["path"] = question >= 0 ? target[..question] : target,
                ["query"] = query,
                ["headers"] = headers,
                ["body"] = Encoding.UTF8.GetString(body),
            };
        }

        private async Task<byte[]> ReadChunkedAsync(CancellationToken token)
        {
            using var body = new MemoryStream();
            while (true)
            {
                var line = await ReadLineAsync(token);
                var size = int.Parse(line.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    while ((await ReadLineAsync(token)).Length > 0)
                    {
                    }

                    return body.ToArray();
                }

                body.Write(await ReadExactlyAsync(size, token));
                await ReadLineAsync(token);
            }
        }

        private async Task<string> ReadLineAsync(CancellationToken token)
        {
            int end;
            while ((end = _buffer.AsSpan(0, _count).IndexOf("\r\n"u8)) < 0)
            {
                if (!await FillAsync(token))
                {
                    throw new IOException("the connection ended inside a chunked body");
                }
            }

            var line = Encoding.ASCII.GetString(_buffer, 0, end);
            Consume(end + 2);
            return line;
        }

        private async Task<byte[]> ReadExactlyAsync(int length, CancellationToken token)
        {
            while (_count < length)
            {
                if (!await FillAsync(token))
                {
                    throw new IOException("the connection ended inside a request body");
                }
            }

            var result = _buffer.AsSpan(0, length).ToArray();
            Consume(length);
            return result;
        }

        private async Task<bool> FillAsync(CancellationToken token)
        {
            if (_count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_count), SocketFlags.None, token);
            _count += read;
            return read > 0;
        }

        private void Consume(int length)
        {
            Buffer.BlockCopy(_buffer, length, _buffer, 0, _count - length);
            _count -= length;
        }
    }
}
