using Dentally.NexGen.Client.Benchmarks.Baseline;
using Microsoft.Extensions.DependencyInjection;

namespace Dentally.NexGen.Client.Benchmarks.Throughput;

/// <summary>One side of the throughput comparison: a name and how it makes one booking.</summary>
internal sealed class Contender
{
    private readonly Func<CancellationToken, Task> _bookOnce;

    private Contender(string name, Func<CancellationToken, Task> bookOnce)
    {
        Name = name;
        _bookOnce = bookOnce;
    }

    public string Name { get; }

    public Task BookOnceAsync(CancellationToken cancellationToken) => _bookOnce(cancellationToken);

    /// <summary>
    /// The SDK as an app uses it: one DI-registered client, the <see cref="BookingWorkflow"/> resolved
    /// for every booking (a singleton, so a lookup), a warm cache. With
    /// <paramref name="perScope"/> each booking resolves it from its own DI scope, disposed afterwards,
    /// as an ASP.NET Core request does; without, from the root provider, as a console or worker app does.
    /// </summary>
    public static Contender Sdk(IServiceProvider services, bool perScope) => new("SDK", async cancellationToken =>
    {
        var scope = perScope ? services.CreateAsyncScope() : (AsyncServiceScope?)null;
        try
        {
            var workflow = (scope?.ServiceProvider ?? services).GetRequiredService<BookingWorkflow>();
            var result = await workflow.BookAsync(SpecExamples.BookingRequest(), cancellationToken);
            if (result.HttpRequestCount != 2)
            {
                throw new InvalidOperationException($"A booking with a warm cache made {result.HttpRequestCount} requests, not 2.");
            }
        }
        finally
        {
            if (scope is { } owned)
            {
                await owned.DisposeAsync();
            }
        }
    });

    /// <summary>The same two requests through one shared, hand-driven HttpClient.</summary>
    public static Contender Raw(RawBooking booking) => new("raw", cancellationToken => booking.BookAsync(SpecExamples.BookingRequest(), cancellationToken));
}
