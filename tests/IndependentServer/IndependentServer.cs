using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Independent;

/// <summary>
/// A second implementation of the NexGen contract, written from <c>CONTRACT.md</c> and the spec alone,
/// that takes the other option wherever the contract leaves one (README.md in this folder lists them).
/// Real HTTP on a loopback port (Kestrel), one organisation with two practices, its own clock.
/// </summary>
internal sealed class IndependentServer : IAsyncDisposable
{
    public const string Org = "acme-dental-group";
    public const string PracticeA = "PR-0001";
    public const string PracticeB = "PR-0002";

    /// <summary>May see both practices.</summary>
    public const string Token = "indep.token.both";

    /// <summary>May see <see cref="PracticeB"/> only.</summary>
    public const string TokenForB = "indep.token.b";

    private readonly WebApplication _app;
    private readonly IndependentRoutes _routes;
    private readonly ConcurrentQueue<ReceivedCall> _received = new();
    private readonly ConcurrentQueue<Fault> _faults = new();

    private IndependentServer(WebApplication app, FakeTimeProvider clock, int maxPageSize)
    {
        _app = app;
        Clock = clock;
        Data = IndependentData.Seed(clock.GetUtcNow());
        _routes = new IndependentRoutes(Data, new IndependentKeys(clock), clock, maxPageSize);
    }

    /// <summary>The server's clock: moving it past 24 hours makes the server forget its idempotency keys, as the contract allows.</summary>
    public FakeTimeProvider Clock { get; }

    public IndependentData Data { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<ReceivedCall> Received => _received.ToList();

    /// <summary>Appointments that hold time (not cancelled).</summary>
    public IReadOnlyList<AppointmentRecord> Booked
    {
        get
        {
            lock (Data)
            {
                return Data.Appointments.Where(a => a.Holds).ToList();
            }
        }
    }

    public static async Task<IndependentServer> StartAsync(int maxPageSize = 25)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new IndependentServer(app, new FakeTimeProvider(new DateTimeOffset(2025, 5, 12, 8, 0, 0, TimeSpan.Zero)), maxPageSize);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address + "/");
        return server;
    }

    /// <summary>Holds every keyed create after its key is claimed, until the hold is released (or disposed).</summary>
    public IndependentHold HoldKeyedCreates() => _routes.Hold = new IndependentHold();

    /// <summary>The next request to <paramref name="method"/> a path ending in <paramref name="pathEnd"/> is done, then its answer dropped: the connection is cut.</summary>
    public void LoseAnswerAfterCommit(string method, string pathEnd) => _faults.Enqueue(new Fault(method, pathEnd, Before: null));

    /// <summary>The next request to <paramref name="method"/> a path ending in <paramref name="pathEnd"/> gets <paramref name="answer"/> instead, untouched.</summary>
    public void AnswerNext(string method, string pathEnd, IndependentAnswer answer) => _faults.Enqueue(new Fault(method, pathEnd, answer));

    /// <summary>A 503 whose <c>Retry-After</c> is an HTTP date <paramref name="after"/> from the server's <c>Date</c>.</summary>
    public IndependentAnswer Unavailable(TimeSpan after)
    {
        var now = Clock.GetUtcNow();
        return IndependentAnswer.Problem(503, "server-error", "Service unavailable", "/")
            .With("Date", now.ToString("r", CultureInfo.InvariantCulture))
            .With("Retry-After", (now + after).ToString("r", CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var call = new ReceivedCall(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? string.Empty,
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body);
        _received.Enqueue(call);

        var fault = TakeFault(call);
        IndependentAnswer answer;
        if (fault?.Before is { } instead)
        {
            answer = instead;
        }
        else
        {
            var origin = $"{request.Scheme}://{request.Host}";
            answer = _routes.Answer(call, origin);
            if (fault is not null)
            {
                // Done and stored: only the answer is lost on its way back.
                context.Abort();
                return;
            }
        }

        await WriteAsync(context.Response, answer);
    }

    private Fault? TakeFault(ReceivedCall call)
    {
        lock (_faults)
        {
            if (_faults.TryPeek(out var next) && next.Method == call.Method && call.Path.EndsWith(next.PathEnd, StringComparison.Ordinal))
            {
                _faults.TryDequeue(out _);
                return next;
            }

            return null;
        }
    }

    private static async Task WriteAsync(HttpResponse response, IndependentAnswer answer)
    {
        response.StatusCode = answer.Status;

        // The contract's header, under a lower-case name (header names are case-insensitive) and in a
        // form of this server's own: a new UUID for every answer, a replay included.
        response.Headers["x-request-id"] = Guid.NewGuid().ToString();
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        response.ContentType = answer.ContentType;
        if (!answer.Chunked)
        {
            response.ContentLength = answer.Body.Length;
        }

        await response.Body.WriteAsync(answer.Body);
    }

    private sealed record Fault(string Method, string PathEnd, IndependentAnswer? Before);
}

/// <summary>A request as the independent server received it.</summary>
internal sealed record ReceivedCall(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
