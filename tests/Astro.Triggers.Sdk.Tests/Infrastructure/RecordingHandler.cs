namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>A transport wrapper that records what went over the wire below the SDK (which retries and paces above it):
/// every request sent, every answer's status, and whether the SDK disposed the handler.</summary>
public sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<HttpRequestMessage> _requests = [];
    private readonly List<int> _statuses = [];

    /// <summary>The requests sent, in order.</summary>
    public IReadOnlyList<HttpRequestMessage> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many answers had this status.</summary>
    public int Answered(int status)
    {
        lock (_requests)
        {
            return _statuses.Count(s => s == status);
        }
    }

    /// <summary>Whether the handler was disposed.</summary>
    public bool Disposed { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        var response = await base.SendAsync(request, cancellationToken);
        lock (_requests)
        {
            _statuses.Add((int)response.StatusCode);
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
