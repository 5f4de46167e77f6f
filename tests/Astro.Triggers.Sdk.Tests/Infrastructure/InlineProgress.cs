namespace Astro.Triggers.Sdk.Tests.Infrastructure;

/// <summary>Progress&lt;T&gt; posts to the thread pool; this reports inline so the order is the order seen.</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
