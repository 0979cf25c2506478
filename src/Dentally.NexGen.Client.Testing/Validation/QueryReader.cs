using System.Globalization;
using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;
using Dentally.NexGen.Client.Testing.Scheduling;

namespace Dentally.NexGen.Client.Testing.Validation;

/// <summary>
/// Reads query parameters. A value of the wrong type (a page that is not a number, a flag that is not
/// <c>true</c>/<c>false</c>) makes the request malformed (400, as the spec's <c>MalformedRequest</c>
/// says); a missing or out-of-range value is a field error (422 <c>validation-error</c>).
/// </summary>
internal sealed class QueryReader
{
    private readonly SandboxRequest _request;
    private string? _malformed;

    public QueryReader(SandboxRequest request) => _request = request;

    public ValidationErrors Errors { get; } = new();

    public int Page()
    {
        var page = Integer("page") ?? 1;
        if (page < 1)
        {
            Errors.Add("page", "must be 1 or more");
        }

        return page;
    }

    public int PageSize()
    {
        var size = Integer("page_size") ?? ContractLimits.PageSizeDefault;
        if (size < 1 || size > ContractLimits.PageSizeMax)
        {
            Errors.Add("page_size", $"must be between 1 and {ContractLimits.PageSizeMax}");
        }

        return size;
    }

    public bool? Flag(string name)
    {
        if (!_request.Query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        _malformed ??= $"The query parameter {name} must be true or false.";
        return null;
    }

    public Guid? Uuid(string name, bool required = false)
    {
        if (Text(name, required) is not { } text)
        {
            return null;
        }

        if (Guid.TryParseExact(text, "D", out var id))
        {
            return id;
        }

        Errors.Add(name, Messages.MustBeUuid);
        return null;
    }

    public DateTime? LocalTime(string name, bool required = false)
    {
        if (Text(name, required) is not { } text)
        {
            return null;
        }

        if (LocalTimes.TryParse(text, out var value, out var problem))
        {
            return value;
        }

        Errors.Add(name, problem);
        return null;
    }

    public string? Text(string name, bool required = false, int maxLength = int.MaxValue)
    {
        if (!_request.Query.TryGetValue(name, out var text) || text.Length == 0)
        {
            if (required)
            {
                Errors.Add(name, Messages.Required);
            }
            else if (text is not null)
            {
                Errors.Add(name, Messages.NotEmpty);
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            Errors.Add(name, Messages.MaxLength(maxLength));
            return null;
        }

        return text;
    }

    /// <summary>The 400 or 422 response when anything read so far was wrong; <see langword="null"/> otherwise.</summary>
    public SandboxResponse? Failure()
        => _malformed is not null ? Problems.Malformed(_request, _malformed)
            : Errors.Any ? Problems.Validation(_request, Errors)
            : null;

    private int? Integer(string name)
    {
        if (!_request.Query.TryGetValue(name, out var text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        _malformed ??= $"The query parameter {name} must be an integer.";
        return null;
    }
}
