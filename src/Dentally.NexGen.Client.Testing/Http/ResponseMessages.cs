using WireMock;
using WireMock.ResponseBuilders;
using WireMock.Types;
using WireMock.Util;

namespace Dentally.NexGen.Client.Testing.Http;

/// <summary>Turns a <see cref="SandboxResponse"/> into WireMock's response, adding <c>X-Request-Id</c> and any body fault.</summary>
internal static class ResponseMessages
{
    public static IResponseMessage From(SandboxResponse response, string requestId, SandboxFaultKind? bodyFault = null)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Request-Id"] = new(requestId),
        };
        foreach (var header in response.Headers)
        {
            headers[header.Key] = new WireMockList<string>(header.Value);
        }

        var body = response.Body;
        if (response.ContentType is { } contentType)
        {
            headers["Content-Type"] = new WireMockList<string>(contentType);
        }

        if (bodyFault == SandboxFaultKind.MalformedBody)
        {
            // Deterministic: the first half of the real body is never valid JSON for an object or array.
            body = body is { Length: > 1 } whole ? whole[..(whole.Length / 2)] : "{";
        }
        else if (bodyFault == SandboxFaultKind.InvalidJson && body is not null)
        {
            // Complete, but the first member's colon becomes a comma: no JSON parser accepts it.
            var colon = body.IndexOf("\":", StringComparison.Ordinal);
            body = colon < 0 ? body + "}" : body[..(colon + 1)] + "," + body[(colon + 2)..];
        }

        return new ResponseMessage
        {
            StatusCode = response.StatusCode,
            Headers = headers,
            BodyData = body is null ? null : new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
            FaultType = bodyFault == SandboxFaultKind.EmptyBody ? FaultType.EMPTY_RESPONSE : FaultType.NONE,
        };
    }

    /// <summary>What WireMock is handed for a dropped connection; the client never receives it.</summary>
    public static IResponseMessage Dropped(string requestId)
        => From(SandboxResponse.Json(503, new { }), requestId, SandboxFaultKind.EmptyBody);
}
