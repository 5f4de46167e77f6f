namespace Astro.Triggers.Sdk.Tests.Reliability;

/// <summary>What the compressed-body test classes (decoding, truncation, bombs) build their cases from, kept in one
/// place so that a coding added to <see cref="Compressed.Codings"/> or a service added to the case lists reaches all of
/// them alike. The classes still declare their own MemberData members (forwarding here): xUnit finds a theory's data
/// on the test class by name.</summary>
internal static class CompressedCases
{
    public static TheoryData<string, string> ReadsAndCodings() => Pairs(ReadCase.All.Keys);

    public static TheoryData<string, string> ServicesAndCodings() => Pairs(ServiceCase.All.Keys);

    /// <summary>A reply whose body is already encoded with <paramref name="coding"/>, labelled as such.</summary>
    public static Reply Encoded(int status, string contentType, string coding, byte[] body, Framing framing) =>
        Reply.Framed(status, contentType, body, framing, ("Content-Encoding", coding));

    /// <summary>What <paramref name="read"/> returns for its body sent uncompressed: what a decoded body must equal.</summary>
    public static async Task<string> Identity(ReadCase read)
    {
        await using var server = new ScriptedServer(_ => Reply.Text(200, read.ContentType, read.SuccessBody));
        return await read.Call(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.ApiKey = "key-for-the-reference-read";
            return o;
        });
    }

    private static TheoryData<string, string> Pairs(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string>();
        foreach (var name in names)
        {
            foreach (var coding in Compressed.Codings)
            {
                data.Add(name, coding);
            }
        }

        return data;
    }
}
