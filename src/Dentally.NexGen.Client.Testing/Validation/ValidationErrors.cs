namespace Dentally.NexGen.Client.Testing.Validation;

/// <summary>The <c>errors</c> member of a <c>validation-error</c> problem: field name → messages, in the order found.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public IDictionary<string, IList<string>> ToDictionary()
        => _errors.ToDictionary(e => e.Key, e => (IList<string>)e.Value.ToList(), StringComparer.Ordinal);
}
