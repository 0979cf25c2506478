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

    [Fact]
    public async Task Cancellation_mid_page_ends_the_walk_at_the_next_item_not_the_next_page()
    {
        ServePatientPages(total: 6, pageSize: 3);
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var patient in _harness.Client.Patients.SearchAllAsync(null, pageSize: 3, cancellation.Token))
            {
                seen++;
                cancellation.Cancel(); // say, the caller's request aborted while it handled this patient
            }
        });

        Assert.Equal(1, seen); // not the other two patients of the page
        Assert.Single(_harness.Requests);
    }

    [Theory]
    [InlineData(0)] // a server that never fills in total
    [InlineData(3)] // total counting this page's items only
    [InlineData(-1)]
    public async Task A_first_page_holding_more_items_than_its_total_is_refused_not_taken_as_the_whole_list(int total)
    {
        // A full first page of 5 whose total says fewer: stopping at the total would end a longer list here, looking complete.
        _harness.Server.Given(Request.Create().UsingGet())
            .RespondWith(SdkHarness.Json(200, Bodies.PatientPage(page: 1, pageSize: 5, total: total, count: 5)));

        var violation = await Assert.ThrowsAsync<NexGenContractViolationException>(async () => await _harness.Client.Patients.SearchAllAsync("Smith", pageSize: 5).ToListAsync());

        Assert.Equal("searchPatients", violation.Operation);
        Assert.Equal("wrong-total", violation.Kind);
        Assert.Equal("$.total", violation.Path);
        Assert.Single(_harness.Requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_short_first_page_whose_total_says_fewer_is_the_whole_list(int total)
    {
        // Three of the five asked for: the list ends here whatever the total says, so nothing is ambiguous to refuse.
        _harness.Server.Given(Request.Create().UsingGet())
            .RespondWith(SdkHarness.Json(200, Bodies.PatientPage(page: 1, pageSize: 5, total: total, count: 3)));

        var patients = await _harness.Client.Patients.SearchAllAsync("Smith", pageSize: 5).ToListAsync();

        Assert.Equal(3, patients.Count);
        Assert.Single(_harness.Requests);
    }

    [Fact]
    public async Task A_negative_total_on_a_later_page_is_refused()
    {
        _harness.Server.Given(Request.Create().UsingGet().WithParam("page", "1"))
            .RespondWith(SdkHarness.Json(200, Bodies.PatientPage(page: 1, pageSize: 2, total: 5, count: 2)));
        _harness.Server.Given(Request.Create().UsingGet().WithParam("page", "2"))
            .RespondWith(SdkHarness.Json(200, Bodies.PatientPage(page: 2, pageSize: 2, total: -1, count: 2)));
        var patients = new List<Patient>();

        var violation = await Assert.ThrowsAsync<NexGenContractViolationException>(async () =>
        {
            await foreach (var patient in _harness.Client.Patients.SearchAllAsync("Smith", pageSize: 2))
            {
                patients.Add(patient);
            }
        });

        Assert.Equal("wrong-total", violation.Kind);
        Assert.Equal(2, patients.Count); // page 2's items never reach the caller
    }

    [Theory]
    // A cap of 25 while the envelope echoes the page_size asked for: page 1 holds 25 of 32, fewer than both
    // its page_size and its total, so it shows the server's real page size rather than the end of the list.
    [InlineData(25, 32, 7, 32)]
    // A total counting more than the server holds (20 of "25") costs one empty page, and no more.
    [InlineData(20, 25, 0, 20)]
    public async Task A_first_page_short_of_both_its_page_size_and_its_total_sets_the_page_size_the_walk_is_held_to(int firstCount, int total, int secondCount, int expected)
    {
        _harness.Server.Given(Request.Create().UsingGet().WithParam("page", "1"))
            .RespondWith(SdkHarness.Json(200, Bodies.PatientPage(page: 1, pageSize: 100, total: total, count: firstCount)));
        _harness.Server.Given(Request.Create().UsingGet().WithParam("page", "2"))
            .RespondWith(SdkHarness.Json(200, Bodies.PatientPage(page: 2, pageSize: 100, total: total, count: secondCount)));

        var patients = await _harness.Client.Patients.SearchAllAsync("Smith").ToListAsync();

        Assert.Equal(expected, patients.Count);
        Assert.Equal(new[] { "1", "2" }, _harness.Requests.Select(r => r.Query!["page"].Single()));
    }

    [Theory]
    [InlineData(100, 2)] // a page of several items met again is refused at once
    [InlineData(1, 3)] // a single item met again is what a record added before it does: refused when it comes a third time
    public async Task A_server_echoing_page_but_answering_the_first_page_every_time_is_refused_not_walked_to_its_total(int count, int requests)
    {
        // The envelope's page is the one asked for, the items are page 1's every time.
        var items = string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$"""{"uuid":"{{Guid.NewGuid()}}","first_name":"P-{{i}}","last_name":"Smith","date_of_birth":"1980-01-01"}"""));
        for (var page = 1; page <= 3; page++)
        {
            _harness.Server.Given(Request.Create().UsingGet().WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .RespondWith(SdkHarness.Json(200, $$"""{"items":[{{items}}],"page":{{page}},"page_size":{{count}},"total":1000000}"""));
        }

        var patients = new List<Patient>();

        var violation = await Assert.ThrowsAsync<NexGenContractViolationException>(async () =>
        {
            await foreach (var patient in _harness.Client.Patients.SearchAllAsync("Smith", pageSize: count))
            {
                patients.Add(patient);
            }
        });

        Assert.Equal("wrong-page", violation.Kind);
        Assert.Equal("$.items", violation.Path);
        Assert.Equal(requests, _harness.Requests.Count);
        Assert.Equal(count * (requests - 1), patients.Count); // the page met too often never reaches the caller
    }

    public void Dispose() => _harness.Dispose();
}
