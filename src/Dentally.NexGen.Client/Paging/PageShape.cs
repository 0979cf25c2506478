namespace Dentally.NexGen.Client;

/// <summary>What <see cref="Pager"/> reads of a page envelope: the generated page types share no base type.</summary>
internal readonly record struct PageShape<TItem>(ICollection<TItem>? Items, int Page, int PageSize, int Total);
