using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace Astro.Triggers.Sdk.Testing.Core;

/// <summary>ASP.NET Core's response compression in front of WireMock, as a compressing server or proxy sits in front of
/// each service: gzip and br by the request's <c>Accept-Encoding</c>, for JSON and CSV. Built from its parts because
/// WireMock owns the host's service registrations; the middleware runs after the fake's own (recording, faults), so a
/// dropped connection still drops before any byte.</summary>
internal static class FakeCompression
{
    public static void Use(IApplicationBuilder app)
    {
        var options = new ResponseCompressionOptions
        {
            // Compresses over https too (the fakes serve http only; a fake behind TLS would still compress, as services do).
            EnableForHttps = true,
            MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/csv"],
        };
        // Brotli first: the provider picks the first of these the request accepts when it weighs them equally.
        options.Providers.Add(new BrotliCompressionProvider(Options.Create(new BrotliCompressionProviderOptions())));
        options.Providers.Add(new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions())));
        app.UseMiddleware<ResponseCompressionMiddleware>(new ResponseCompressionProvider(app.ApplicationServices, Options.Create(options)));
    }
}
