namespace Dentally.NexGen.Client;

/// <summary>What <see cref="Pager"/> reads of a page envelope: the generated page types share no base type.</summary>
internal readonly struct PageShape<TItem>(ICollection<TItem>? items, int page, int pageSize, int total)
{
    public ICollection<TItem>? Items { get; } = items;

    public int Page { get; } = page;

    public int PageSize { get; } = pageSize;

    public int Total { get; } = total;
}
