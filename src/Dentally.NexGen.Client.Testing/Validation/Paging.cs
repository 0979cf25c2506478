namespace Dentally.NexGen.Client.Testing.Validation;

/// <summary>Cuts one page out of a full result list (pages count from 1).</summary>
internal static class Paging
{
    public static List<T> Slice<T>(IReadOnlyList<T> items, int page, int pageSize)
    {
        var skip = (long)(page - 1) * pageSize;
        return skip >= items.Count ? [] : items.Skip((int)skip).Take(pageSize).ToList();
    }
}
