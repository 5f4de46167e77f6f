using System.Text;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>Raw calls to a fake, for the requests the SDK itself would refuse to send.</summary>
internal static class FakeHttp
{
    public static async Task<(int Status, string Body)> SendAsync(
        Uri baseAddress, HttpMethod method, string path, string? json = null, params (string Name, string Value)[] headers)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
