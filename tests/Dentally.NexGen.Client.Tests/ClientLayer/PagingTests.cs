using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

public sealed class PagingTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    private void ServePatientPages(int total, int pageSize)
    {
        var pages = (total + pageSize - 1) / pageSize;
        for (var page = 1; page <= pages; page++)
        {
            var count = Math.Min(pageSize, total - ((page - 1) * pageSize));
            _harness.Server.Given(Request.Create().UsingGet().WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .RespondWith(SdkHarness.Json(200, Bodies.PatientPage(page, pageSize, total, count)));
        }
    }

    [Fact]
    public async Task Walks_three_pages_and_stops_at_total()
    {
        ServePatientPages(total: 5, pageSize: 2);

        var patients = await _harness.Client.Patients.SearchAllAsync("Smith", pageSize: 2).ToListAsync();

        Assert.Equal(5, patients.Count);
        Assert.Equal(new[] { "1", "2", "3" }, _harness.Requests.Select(r => r.Query!["page"].Single()));
        Assert.All(_harness.Requests, r => Assert.Equal("2", r.Query!["page_size"].Single()));
        Assert.All(_harness.Requests, r => Assert.Equal("Smith", r.Query!["query"].Single()));
    }

    [Fact]
    public async Task An_exact_multiple_of_the_page_size_does_not_request_a_page_past_the_end()
    {
        ServePatientPages(total: 4, pageSize: 2);

        var patients = await _harness.Client.Patients.SearchAllAsync("Smith", pageSize: 2).ToListAsync();

        Assert.Equal(4, patients.Count);
        Assert.Equal(2, _harness.Requests.Count);
    }

    [Fact]
    public async Task Enumeration_is_lazy_and_stops_when_the_caller_stops()
    {
        ServePatientPages(total: 6, pageSize: 2);

        var first = await _harness.Client.Patients.SearchAllAsync(null, pageSize: 2).FirstAsync();

        Assert.StartsWith("P1-", first.FirstName, StringComparison.Ordinal);
        Assert.Single(_harness.Requests);
    }

    [Fact]
    public async Task Cancellation_stops_paging()
    {
        ServePatientPages(total: 6, pageSize: 2);
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var patient in _harness.Client.Patients.SearchAllAsync(null, pageSize: 2, cancellation.Token))
            {
                if (++seen == 2)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Single(_harness.Requests);
    }

    [Theory]
    [InlineData(1, 1)] // page_size 1 reported: without the check, a million requests
    [InlineData(100, 100)]
    public async Task A_server_ignoring_page_with_a_huge_total_is_refused_on_the_second_request_not_walked_to_its_total(int reportedPageSize, int count)
    {
        // Page 1 for every request, whatever `page` asked for.
        _harness.Server.Given(Request.Create().UsingGet())
            .RespondWith(SdkHarness.Json(200, Bodies.PatientPage(page: 1, pageSize: reportedPageSize, total: 1_000_000, count: count)));
        var patients = new List<Patient>();

        var violation = await Assert.ThrowsAsync<NexGenContractViolationException>(async () =>
        {
            await foreach (var patient in _harness.Client.Patients.SearchAllAsync("Smith", pageSize: 100))
            {
                patients.Add(patient);
            }
        });

        Assert.Equal("searchPatients", violation.Operation);
        Assert.Equal("wrong-page", violation.Kind);
        Assert.Equal("$.page", violation.Path);
        Assert.Equal(count, patients.Count); // page 1's items once, no repeat
        Assert.Equal(new[] { "1", "2" }, _harness.Requests.Select(r => r.Query!["page"].Single()));
    }

    public void Dispose() => _harness.Dispose();
}
