namespace Astro.Triggers.Sdk.Core.Http;

/// <summary>A bounded, lock-free pool of the objects every call rents (its context, its cancellation source): a hot
/// slot, then a few more; what does not fit, or fails <c>reset</c>, is dropped (disposed when it is disposable).</summary>
/// <remarks>Microsoft.Extensions.ObjectPool did this before; its assembly, policies and pool types were ~20 methods to
/// compile and a load on a process's first call (issue 30), for about this much code.</remarks>
internal sealed class SmallPool<T>(Func<T> create, Func<T, bool> reset)
    where T : class
{
    private readonly T?[] _items = new T?[Math.Max(4, Environment.ProcessorCount * 2)];
    private T? _hot;

    public T Get()
    {
        var item = _hot;
        if (item is not null && Interlocked.CompareExchange(ref _hot, null, item) == item)
        {
            return item;
        }

        var items = _items;
        for (var i = 0; i < items.Length; i++)
        {
            item = items[i];
            if (item is not null && Interlocked.CompareExchange(ref items[i], null, item) == item)
            {
                return item;
            }
        }

        return create();
    }

    public void Return(T item)
    {
        if (reset(item))
        {
            if (_hot is null && Interlocked.CompareExchange(ref _hot, item, null) is null)
            {
                return;
            }

            var items = _items;
            for (var i = 0; i < items.Length; i++)
            {
                if (Interlocked.CompareExchange(ref items[i], item, null) is null)
                {
                    return;
                }
            }
        }

        (item as IDisposable)?.Dispose();
    }
}
