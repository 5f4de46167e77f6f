namespace Astro.Triggers.Sdk.Core;

/// <summary>The status source of a run handle a model factory built: there is no client behind it, so reading or
/// cancelling fails with an <see cref="InvalidOperationException"/> that says so (a test that waits on a handle in a
/// non-terminal state learns why at once, instead of a null reference or a hang).</summary>
internal static class DetachedRun
{
    public static Func<CancellationToken, Task<T>> NoRead<T>(string service, string factory, string id) =>
        _ => Task.FromException<T>(NoClient(service, factory, id, "read its status"));

    public static Func<T, CancellationToken, Task> NoCancel<T>(string service, string factory, string id) =>
        (_, _) => Task.FromException(NoClient(service, factory, id, "cancel it"));

    private static InvalidOperationException NoClient(string service, string factory, string id, string action) => new(
        $"{service} run '{id}' was built by {factory} without a client, so it cannot {action}. Build it in a terminal state " +
        "(WaitForCompletionAsync then returns at once), or substitute the handle's virtual members.");
}
