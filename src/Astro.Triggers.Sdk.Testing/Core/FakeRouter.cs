namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>Routes a request to a handler by method and path template (<c>v1/triggers/{trigger_id}</c>).</summary>
internal sealed class FakeRouter
{
    private readonly List<(string Method, string[] Template, Func<FakeRequest, RouteValues, FakeResponse> Handler)> _routes = [];

    public void Map(string method, string template, Func<FakeRequest, RouteValues, FakeResponse> handler) =>
        _routes.Add((method, template.Split('/', StringSplitOptions.RemoveEmptyEntries), handler));

    /// <summary>The matching handler's answer; throws a 404 (no such path) or 405 (path known, other method) rejection.</summary>
    public FakeResponse Route(FakeRequest request)
    {
        var pathKnown = false;
        foreach (var (method, template, handler) in _routes)
        {
            if (!TryMatch(template, request.Segments, out var values))
            {
                continue;
            }

            pathKnown = true;
            if (method == request.Method)
            {
                return handler(request, values);
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
}

/// <summary>The values of a route's <c>{placeholders}</c>, unescaped.</summary>
internal sealed class RouteValues : Dictionary<string, string>
{
    public RouteValues()
        : base(StringComparer.Ordinal)
    {
    }
}
