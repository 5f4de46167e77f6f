namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>Routes a request to a handler by method and path template (<c>v1/triggers/{trigger_id}</c>); each route
/// carries its operationId from <c>openapi/*.yaml</c>, so faults can target one operation and records name it.</summary>
internal sealed class FakeRouter
{
    private readonly List<MappedRoute> _routes = [];

    /// <summary>The operationIds of the mapped routes, in mapping order.</summary>
    public IReadOnlyList<string> OperationIds => _routes.Select(r => r.OperationId).Distinct(StringComparer.Ordinal).ToList();

    public void Map(string operationId, string method, string template, Func<FakeRequest, RouteValues, FakeResponse> handler) =>
        _routes.Add(new MappedRoute(operationId, method, template.Split('/', StringSplitOptions.RemoveEmptyEntries), handler));

    /// <summary>The path's segments, each unescaped once, from the raw (still escaped) path: an id such as
    /// <c>a%2Fb</c> stays one segment.</summary>
    public static string[] Segments(string rawPath) =>
        rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

    /// <summary>The operationId of the route a request would reach, or <see langword="null"/> (no such route).</summary>
    public string? OperationOf(string method, IReadOnlyList<string> segments) =>
        _routes.Find(r => r.Method == method && TryMatch(r.Template, segments, out _))?.OperationId;

    /// <summary>The matching handler's answer; throws a 404 (no such path) or 405 (path known, other method) rejection.</summary>
    public FakeResponse Route(FakeRequest request)
    {
        var pathKnown = false;
        foreach (var route in _routes)
        {
            if (!TryMatch(route.Template, request.Segments, out var values))
            {
                continue;
            }

            pathKnown = true;
            if (route.Method == request.Method)
            {
                return route.Handler(request, values);
            }
        }

        throw pathKnown
            ? new FakeRejection(405, "method_not_allowed", $"Method {request.Method} is not allowed here.")
            : new FakeRejection(404, "not_found", "The requested resource does not exist.");
    }

    private static bool TryMatch(string[] template, IReadOnlyList<string> segments, out RouteValues values)
    {
        values = new RouteValues();
        if (template.Length != segments.Count)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith('{'))
            {
                values[template[i][1..^1]] = segments[i];
            }
            else if (!string.Equals(template[i], segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record MappedRoute(string OperationId, string Method, string[] Template, Func<FakeRequest, RouteValues, FakeResponse> Handler);
}

/// <summary>The values of a route's <c>{placeholders}</c>, unescaped.</summary>
internal sealed class RouteValues : Dictionary<string, string>
{
    public RouteValues()
        : base(StringComparer.Ordinal)
    {
    }
}
