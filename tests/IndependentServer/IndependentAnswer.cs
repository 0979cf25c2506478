using System.Text;
using System.Text.Json;

namespace Dentally.NexGen.Independent;

/// <summary>
/// One answer of the independent server, built before anything is written, so that an idempotency key
/// can store it and replay it byte for byte, and a fault can drop it after the work is done.
/// </summary>
internal sealed class IndependentAnswer
{
    private IndependentAnswer(int status, byte[] body, string contentType, bool chunked)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
        Chunked = chunked;
    }

    public int Status { get; }

    public byte[] Body { get; }

    public string ContentType { get; }

    /// <summary>Sent without <c>Content-Length</c> (HTTP/1.1 chunked) rather than with it.</summary>
    public bool Chunked { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public string? ProblemType { get; private init; }

    /// <summary>A JSON answer; lists are sent chunked, single resources with their length.</summary>
    public static IndependentAnswer Json(int status, Action<Utf8JsonWriter> write, bool chunked = false, string contentType = "application/json; charset=utf-8")
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return new IndependentAnswer(status, buffer.ToArray(), contentType, chunked);
    }

    /// <summary>
    /// An RFC 9457 problem: <c>type</c>, <c>title</c> and <c>status</c> (what the contract requires), an
    /// absolute <c>instance</c>, a <c>trace_id</c> the contract does not name, no <c>detail</c> and no
    /// <c>request_id</c> (both optional), then the problem type's own members.
    /// </summary>
    public static IndependentAnswer Problem(int status, string type, string title, string instance, Action<Utf8JsonWriter>? members = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("status", status);
            w.WriteString("title", title);
            w.WriteString("trace_id", "00-" + Guid.NewGuid().ToString("N") + "-" + Guid.NewGuid().ToString("N")[..16] + "-01");
            w.WriteString("type", "https://docs.api.dentally.com/problems/" + type);
            w.WriteString("instance", instance);
            members?.Invoke(w);
            w.WriteEndObject();
        }

        return new IndependentAnswer(status, buffer.ToArray(), "application/problem+json", chunked: false) { ProblemType = type };
    }

    public static IndependentAnswer Validation(string instance, string field, string message)
        => Problem(422, "validation-error", "Validation failed", instance, w =>
        {
            w.WriteStartObject("errors");
            w.WriteStartArray(field);
            w.WriteStringValue(message);
            w.WriteEndArray();
            w.WriteEndObject();
        });

    public static IndependentAnswer Malformed(string instance)
        => Problem(400, "malformed-request", "Malformed request", instance);

    public static IndependentAnswer NotFound(string instance)
        => Problem(404, "not-found", "Not found", instance);

    public IndependentAnswer With(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public string Text => Encoding.UTF8.GetString(Body);
}
