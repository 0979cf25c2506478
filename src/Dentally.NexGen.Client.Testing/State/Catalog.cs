namespace Dentally.NexGen.Client.Testing.State;

/// <summary>Entities by UUID, kept in the order they were added (which is the order lists return them in).</summary>
internal sealed class Catalog<T>
    where T : class
{
    private readonly List<T> _items = [];
    private readonly Dictionary<Guid, int> _index = [];
    private readonly Func<T, Guid> _id;

    public Catalog(Func<T, Guid> id) => _id = id;

    public IReadOnlyList<T> All => _items;

    /// <summary>Adds the item, or replaces the one with the same UUID in its place.</summary>
    public void Put(T item)
    {
        var id = _id(item);
        if (_index.TryGetValue(id, out var position))
        {
            _items[position] = item;
        }
        else
        {
            _index[id] = _items.Count;
            _items.Add(item);
        }
    }

    public T? Find(Guid id) => _index.TryGetValue(id, out var position) ? _items[position] : null;

    public void Clear()
    {
        _items.Clear();
        _index.Clear();
    }
}
