using System.Net;

namespace Dentally.NexGen.Client.Benchmarks.Server;

/// <summary>
/// The loopback server's three answers as an in-memory transport: no socket, no Kestrel, no thread
/// hop. Used as the innermost handler, it leaves only the client's own work to measure, so layer
/// costs are not lost in network noise and every allocation counted is the client's.
/// </summary>
internal sealed class InMemoryApi : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // A socket handler writes the body out; the SDK and the baseline pay for producing it either way.
            await request.Content.CopyToAsync(Stream.Null, cancellationToken);
        }

        if (request.Headers.Authorization is null || !request.Headers.Contains("X-Practice-Id"))
        {
            return new HttpResponseMessage(HttpStatusCode.Unauthorized) { RequestMessage = request };
        }

        var path = request.RequestUri!.AbsolutePath;
        var (status, body) = request.Method.Method switch
        {
            "GET" when path.EndsWith("/patients", StringComparison.Ordinal) =>
                (HttpStatusCode.OK, request.RequestUri.Query.StartsWith("?query=Jane%20Smith&", StringComparison.Ordinal)
                    ? FixedResponses.PatientPageJaneOnly
                    : FixedResponses.PatientPageOf20),
            "GET" when path.EndsWith("/appointment-types", StringComparison.Ordinal) => (HttpStatusCode.OK, FixedResponses.AppointmentTypes),
            "POST" when path.EndsWith("/appointments", StringComparison.Ordinal) => (HttpStatusCode.Created, FixedResponses.AppointmentBooked),
            _ => (HttpStatusCode.NotFound, Array.Empty<byte>()),
        };

        var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new ByteArrayContent(body) };
        response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        response.Headers.TryAddWithoutValidation("X-Request-Id", SpecExamples.RequestId);
        if (status == HttpStatusCode.Created)
        {
            response.Headers.TryAddWithoutValidation("Location", FixedResponses.AppointmentLocation);
        }

        return response;
    }
}
