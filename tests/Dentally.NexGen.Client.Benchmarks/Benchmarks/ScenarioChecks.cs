namespace Dentally.NexGen.Client.Benchmarks.Benchmarks;

/// <summary>
/// Runs every scenario once before anything is timed and fails the run if one does not do what its
/// name says: a benchmark of a broken call would measure an exception. It also fills the SDK
/// workflow's type cache, so the timed bookings run with it warm.
/// </summary>
internal static class ScenarioChecks
{
    public static async Task RunAsync(SdkVsPeersBenchmarks benchmarks)
    {
        Expect((await benchmarks.RawSearchPatients()).Items.Count == 20, "raw search returns the page of 20");
        Expect((await benchmarks.SdkSearchPatients()).Items.Count == 20, "SDK search returns the page of 20");
        Expect((await benchmarks.PlainDtoSearchPatients()).Items.Count == 20, "plain-DTO search returns the page of 20");
        Expect((await benchmarks.NSwagDefaultSearchPatients()).Items.Count == 20, "NSwag default search returns the page of 20");
        Expect((await benchmarks.RawListAppointmentTypes()).Items.Count == 3, "raw list returns NPE, HYG and EMG");
        Expect((await benchmarks.SdkListAppointmentTypes()).Items.Count == 3, "SDK list returns NPE, HYG and EMG");
        Expect((await benchmarks.PlainDtoListAppointmentTypes()).Items.Count == 3, "plain-DTO list returns NPE, HYG and EMG");
        Expect((await benchmarks.NSwagDefaultListAppointmentTypes()).Items.Count == 3, "NSwag default list returns NPE, HYG and EMG");
        Expect((await benchmarks.RawCreateAppointment()).Uuid == SpecExamples.BookedAppointment, "raw create returns the booked appointment");
        Expect((await benchmarks.SdkCreateAppointment()).Uuid == SpecExamples.BookedAppointment, "SDK create returns the booked appointment");
        Expect((await benchmarks.PlainDtoCreateAppointment()).Uuid == SpecExamples.BookedAppointment, "plain-DTO create returns the booked appointment");
        Expect((await benchmarks.NSwagDefaultCreateAppointment()).Uuid == SpecExamples.BookedAppointment, "NSwag default create returns the booked appointment");

        var cold = await benchmarks.SdkBook();
        Expect(cold.HttpRequestCount == 3, $"the first SDK booking searches, lists the types and posts (made {cold.HttpRequestCount} requests)");
        var warm = await benchmarks.SdkBook();
        Expect(warm.HttpRequestCount == 2 && !warm.Rebooked, $"an SDK booking with a warm cache makes 2 requests (made {warm.HttpRequestCount})");

        var served = benchmarks.Server.Requests.Total;
        Expect((await benchmarks.RawBook()).Uuid == SpecExamples.BookedAppointment, "raw booking returns the booked appointment");
        Expect(benchmarks.Server.Requests.Total - served == 3, "a raw booking searches, lists the types and posts: 3 requests");
        served = benchmarks.Server.Requests.Total;
        Expect((await benchmarks.PlainDtoBook()).Uuid == SpecExamples.BookedAppointment, "plain-DTO booking returns the booked appointment");
        Expect((await benchmarks.NSwagDefaultBook()).Uuid == SpecExamples.BookedAppointment, "NSwag default booking returns the booked appointment");
        Expect(benchmarks.Server.Requests.Total - served == 6, "the peers' bookings make 3 requests each");
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Scenario check failed: " + what + ".");
        }
    }
}
