using System.Globalization;
using Dentally.NexGen.Client.Benchmarks.Baseline;
using Dentally.NexGen.Client.Benchmarks.Server;
using Microsoft.Extensions.DependencyInjection;

namespace Dentally.NexGen.Client.Benchmarks.Allocations;

/// <summary>
/// <c>--allocations [--loopback]</c>: where the bytes of a booking go, by type, for the floor and the
/// SDK (constructed, and resolved from DI in a scope), one booking at a time. In memory (the default)
/// every byte is the client's and calls complete synchronously; over loopback the asynchronous
/// machinery (state machines, timers) shows too, with the in-process server's share the same on both
/// sides. Exact bytes per booking come from <see cref="GC.GetTotalAllocatedBytes(bool)"/>; the split
/// by type is sampled.
/// </summary>
internal static class AllocationMode
{
    public static async Task<int> RunAsync(int bookings, int top, bool loopback)
    {
        await using var server = loopback ? await LoopbackApi.StartAsync() : null;
        var baseAddress = server?.BaseAddress ?? new Uri("http://127.0.0.1/");
        Func<HttpMessageHandler?> transport = loopback ? () => null : () => new InMemoryApi();

        using var raw = new RawNexGenApi(baseAddress, transport());
        var rawBooking = new RawBooking(raw, (await raw.ListAppointmentTypesAsync(CancellationToken.None)).Items.ToList());

        var client = new NexGenClient(Options(baseAddress), transport());
        var workflow = new BookingWorkflow(client, new AppointmentTypeCache());

        var services = new ServiceCollection();
        var builder = services.AddNexGenClient(o => Copy(Options(baseAddress), o));
        if (!loopback)
        {
            builder.ConfigurePrimaryHttpMessageHandler(() => new InMemoryApi());
        }

        await using var provider = services.BuildServiceProvider();

        var sides = new (string Name, Func<Task> Book)[]
        {
            ("floor", () => rawBooking.BookAsync(SpecExamples.BookingRequest(), CancellationToken.None)),
            ("SDK", () => workflow.BookAsync(SpecExamples.BookingRequest())),
            ("SDK from DI, a scope per booking", async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<BookingWorkflow>().BookAsync(SpecExamples.BookingRequest());
            }),
        };

        using var sampler = new AllocationSampler();
        foreach (var (name, book) in sides)
        {
            for (var i = 0; i < 2_000; i++)
            {
                await book(); // warm-up: tiered JIT, caches, pools
            }

            GC.Collect();
            sampler.Start();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            for (var i = 0; i < bookings; i++)
            {
                await book();
            }

            var perBooking = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)bookings;
            var byType = sampler.Stop();
            var sampled = byType.Values.Sum();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {perBooking:N0} bytes per booking"));
            foreach (var (type, bytes) in byType.OrderByDescending(p => p.Value).Take(top))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {bytes * perBooking / sampled,8:N0} B  {type}"));
            }
        }

        return 0;
    }

    private static NexGenClientOptions Options(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        OrganizationId = SpecExamples.OrganizationId,
        PracticeId = SpecExamples.PracticeId,
        Token = SpecExamples.Token,
    };

    private static void Copy(NexGenClientOptions from, NexGenClientOptions to)
    {
        to.BaseAddress = from.BaseAddress;
        to.OrganizationId = from.OrganizationId;
        to.PracticeId = from.PracticeId;
        to.Token = from.Token;
    }
}
