using System.Net;
using System.Text;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// The generated clients (NSwag's own client template over NexGenClientBase): the responses no
/// operation documents, reading bodies, and request URLs.
/// </summary>
public sealed class GeneratedClientTests
{
    private const string RequestId = "req_generated_01";

    [Fact]
    public async Task A_success_status_the_operation_does_not_document_is_a_typed_error_with_the_request_id()
    {
        using var transport = new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.Accepted, Bodies.EmptyProviders)));
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var error = await Assert.ThrowsAsync<NexGenContractViolationException>(() => client.Providers.ListAsync());

        Assert.Equal(202, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Equal(("listProviders", "undocumented-status"), (error.Operation, error.Kind));
        Assert.Contains("HTTP 202", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task Valid_JSON_of_the_wrong_shape_is_a_typed_error_with_the_request_id_and_not_retried()
    {
        // The handler's body check passes (it is JSON); reading it as the documented type fails.
        using var transport = new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, """{"items":5,"total":"many"}""")));
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var error = await Assert.ThrowsAsync<NexGenContractViolationException>(() => client.Providers.ListAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Equal(("listProviders", "$.items", "type-changed"), (error.Operation, error.Path, error.Kind));
        Assert.Equal(1, transport.Attempts);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_raw_client_reads_the_body_from_the_stream_or_as_a_string(bool asString)
    {
        using var http = new HttpClient(new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, Bodies.PatientPage(1, 20, 1, 1)))))
        {
            BaseAddress = new Uri("http://localhost:9/"),
        };
        var patients = new PatientsClient(http) { ReadResponseAsString = asString };

        var page = await patients.SearchPatientsAsync("org_1", query: "Jane");

        Assert.Equal(1, page.Total);
        Assert.Single(page.Items);
    }

    [Fact]
    public async Task A_raw_client_reading_as_a_string_reports_a_body_it_cannot_read()
    {
        using var http = new HttpClient(new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, "{not json"))))
        {
            BaseAddress = new Uri("http://localhost:9/"),
        };
        var patients = new PatientsClient(http) { ReadResponseAsString = true };

        var error = await Assert.ThrowsAsync<NexGenApiException>(() => patients.SearchPatientsAsync("org_1"));

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
    }

    [Fact]
    public async Task A_success_body_of_unknown_length_larger_than_the_first_buffer_is_read_whole()
    {
        // No Content-Length (a non-seekable stream): the SDK's pooled body buffer must grow as it reads.
        var json = Bodies.PatientPage(1, 100, 100, 100);
        Assert.True(json.Length > 2 * 4096, $"The body ({json.Length} bytes) must outgrow the first 4 KiB buffer more than once.");
        using var transport = new ScriptedHandler().Then((_, _) =>
        {
            var content = new StreamContent(new OneByteAtATimeStream(Encoding.UTF8.GetBytes(json)));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var page = await client.Patients.SearchAsync("Smith", pageSize: 100);

        Assert.Equal(100, page.Total);
        Assert.Equal(100, page.Items.Count);
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task Non_ASCII_text_in_success_bodies_reads_exactly_as_sent_body_after_body()
    {
        // Bodies are decoded from pooled buffers into pooled characters: two- three- and four-byte
        // sequences (a surrogate pair) must survive, across the JSON reader's buffer refills, and a
        // shorter body after a longer one must not see the longer one's leftovers.
        string[] names = ["Zoë", "Ōkawa", "Nguyễn", "李", "😀 Smile"];
        var items = string.Join(",", Enumerable.Range(0, 60).Select(i =>
            $$"""{"uuid":"{{Guid.NewGuid()}}","first_name":"{{names[i % names.Length]}}","last_name":"Ñandú-{{i}}","date_of_birth":"1980-01-01"}"""));
        var longBody = $$"""{"items":[{{items}}],"page":1,"page_size":100,"total":60}""";
        var shortBody = """{"items":[{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Åsa","last_name":"Øberg","date_of_birth":"1980-01-01"}],"page":1,"page_size":100,"total":1}""";
        Assert.True(Encoding.UTF8.GetByteCount(longBody) > 4 * 1024, "The long body must outgrow the JSON reader's first buffer.");
        using var transport = new ScriptedHandler()
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, longBody)))
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, shortBody)));
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var first = await client.Patients.SearchAsync("Ñandú", pageSize: 100);
        var second = await client.Patients.SearchAsync("Åsa", pageSize: 100);

        Assert.Equal(60, first.Items.Count);
        Assert.Equal(Enumerable.Range(0, 60).Select(i => names[i % names.Length]), first.Items.Select(p => p.FirstName));
        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"Ñandú-{i}"), first.Items.Select(p => p.LastName));
        var only = Assert.Single(second.Items);
        Assert.Equal(("Åsa", "Øberg"), (only.FirstName, only.LastName));
        Assert.Equal(1, second.Total);
    }

    [Fact]
    public async Task A_body_that_fails_to_read_midway_leaves_nothing_behind_for_the_next()
    {
        // The reader's characters are rented: a read that throws part-way must still give them back
        // clean, and the next body must read only its own text.
        var items = string.Join(",", Enumerable.Range(0, 40).Select(i =>
            $$"""{"uuid":"{{Guid.NewGuid()}}","first_name":"Zoë-{{i}}","last_name":"Ōkawa","date_of_birth":"1980-01-01"}"""));
        var brokenLate = $$"""{"items":[{{items}},{"uuid":"not-a-uuid","first_name":"X","last_name":"Y","date_of_birth":"1980-01-01"}],"page":1,"page_size":100,"total":41}""";
        const string shortBody = """{"items":[{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Åsa","last_name":"Øberg","date_of_birth":"1980-01-01"}],"page":1,"page_size":100,"total":1}""";
        using var transport = new ScriptedHandler()
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, brokenLate)))
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, shortBody)));
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var error = await Assert.ThrowsAnyAsync<NexGenApiException>(() => client.Patients.SearchAsync("Zoë", pageSize: 100));
        var page = await client.Patients.SearchAsync("Åsa", pageSize: 100);

        Assert.Equal(200, error.StatusCode);
        var only = Assert.Single(page.Items);
        Assert.Equal(("Åsa", "Øberg"), (only.FirstName, only.LastName));
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task A_success_body_that_starts_with_a_byte_order_mark_reads_as_its_text()
    {
        // RFC 8259: a server must not send one, a parser may ignore it. Servers whose UTF-8 writer adds
        // one are common; retrying would only meet it again.
        byte[] body = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("""{"items":[{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Zoë","last_name":"Smith","date_of_birth":"1980-01-01"}],"page":1,"page_size":20,"total":1}""")];
        using var transport = new ScriptedHandler().Then((_, _) =>
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
        });
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var page = await client.Patients.SearchAsync("Smith");

        Assert.Equal("Zoë", Assert.Single(page.Items).FirstName);
        Assert.Equal(1, transport.Attempts);
    }

    [Theory]
    [InlineData("text after the value", """{"items":[],"total":0} trailing""")]
    [InlineData("a second value", """{"items":[],"total":0}{"items":[],"total":0}""")]
    [InlineData("a cut-off value", """{"items":[],"total":0""")]
    [InlineData("NULs after the value", "{\"items\":[],\"total\":0}\0\0")]
    [InlineData("a NUL and a brace after the value", "{\"items\":[],\"total\":0}\0}")]
    [InlineData("an empty body", "")]
    public async Task A_success_body_that_is_not_exactly_one_JSON_value_is_broken_and_a_GET_retries_it(string what, string body)
    {
        // The handler reads the body as the documented type inside the attempt; anything but one whole
        // JSON value must still count as a broken body there, or no retry could reach it.
        using var transport = new ScriptedHandler()
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, body)))
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, Bodies.EmptyProviders)));
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var providers = await client.Providers.ListAsync();

        Assert.Empty(providers.Items);
        Assert.True(transport.Attempts == 2, $"{what}: {transport.Attempts} attempt(s)");
    }

    [Fact]
    public async Task A_member_that_cannot_be_read_is_a_typed_error_with_the_request_id_and_not_retried()
    {
        // Complete JSON, but a date of birth its converter cannot read: not a broken body, so no retry.
        const string body = """{"items":[{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","last_name":"Smith","date_of_birth":"12/04/1986"}],"page":1,"page_size":20,"total":1}""";
        using var transport = new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, body)));
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Patients.SearchAsync("Smith"));

        Assert.Equal(1, transport.Attempts);
        var typed = Assert.IsAssignableFrom<NexGenApiException>(error);
        Assert.Equal(200, typed.StatusCode);
        Assert.Equal(RequestId, typed.RequestId);
    }

    [Theory]
    [InlineData("\"2025-05-20T10:00:00Z\"")]
    [InlineData("\"2025-05-20T10:00:00+01:00\"")]
    [InlineData("\"2025-05-20T10:00\"")]
    [InlineData("\"2025-05-20T10:00:00.5\"")]
    [InlineData("\"20/05/2025 10:00:00\"")]
    [InlineData("\"2025-02-30T10:00:00\"")]
    [InlineData("1747735200")]
    [InlineData("null")]
    public async Task A_practice_local_time_off_the_contract_pattern_is_a_typed_error_and_not_retried(string value)
    {
        var body = $$"""{"items":[{"provider_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","location_uuid":"c3d4e5f6-a7b8-9012-cdef-123456789012","scheduled_start":{{value}},"scheduled_end":"2025-05-20T11:00:00"}],"total":1,"timezone":"Europe/London"}""";
        using var transport = new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, body)));
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.Schedule.GetAvailabilityAsync(
            Guid.NewGuid(), Guid.NewGuid(), new DateTime(2025, 5, 20, 8, 0, 0), new DateTime(2025, 5, 20, 18, 0, 0)));

        Assert.Equal(1, transport.Attempts);
        var typed = Assert.IsAssignableFrom<NexGenApiException>(error);
        Assert.Equal(200, typed.StatusCode);
        Assert.Equal(RequestId, typed.RequestId);
    }

    [Fact]
    public async Task A_success_JSON_null_is_a_typed_error_and_not_retried()
    {
        using var transport = new ScriptedHandler().Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, "null")));
        var client = new NexGenClient(SdkHarness.NewOptions("http://localhost:9"), transport);

        var error = await Assert.ThrowsAsync<NexGenContractViolationException>(() => client.Providers.ListAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(("listProviders", "$", "type-changed"), (error.Operation, error.Path, error.Kind));
        Assert.Contains("null", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public void A_generated_client_needs_an_HttpClient()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new SitesClient(null!));

        Assert.Equal("httpClient", error.ParamName);
    }

    [Fact]
    public async Task Each_request_URL_holds_its_own_path_and_query_only()
    {
        var urls = new List<string>();
        var transport = new ScriptedHandler();
        for (var i = 0; i < 3; i++)
        {
            transport.Then((request, _) =>
            {
                urls.Add(request.RequestUri!.AbsoluteUri);
                return Task.FromResult(Answer(HttpStatusCode.OK, Bodies.PatientPage(1, 20, 0, 0)));
            });
        }

        using var http = new HttpClient(transport) { BaseAddress = new Uri("http://localhost:9/base") };
        var patients = new PatientsClient(http);

        await patients.SearchPatientsAsync("org_1", query: new string('x', 300), page: 2, page_size: 50);
        await patients.SearchPatientsAsync("org_1", query: "Jo");
        await patients.SearchPatientsAsync("org_1");

        Assert.Equal(
            [
                "http://localhost:9/base/api/v1/org_1/patients?query=" + new string('x', 300) + "&page=2&page_size=50",
                "http://localhost:9/base/api/v1/org_1/patients?query=Jo",
                "http://localhost:9/base/api/v1/org_1/patients",
            ],
            urls);
    }

    /// <summary>A non-seekable body that hands out at most 1,000 bytes per read, as a slow socket would.</summary>
    private sealed class OneByteAtATimeStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => base.ReadAsync(buffer, offset, Math.Min(count, 1000), cancellationToken);
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string json)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        response.Headers.TryAddWithoutValidation("X-Request-Id", RequestId);
        return response;
    }
}
