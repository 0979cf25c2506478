using Dentally.NexGen.Independent;

namespace Dentally.NexGen.Client.Tests.Independent;

/// <summary>The plain client's operations against the independent server (tests/IndependentServer/README.md).</summary>
public sealed class IndependentClientTests : IAsyncLifetime
{
    private IndependentServer _server = null!;
    private NexGenClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await IndependentServer.StartAsync();
        _client = IndependentClient.For(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_match_of_a_search_is_read_though_the_server_caps_its_pages_below_the_size_asked_for()
    {
        var smiths = await _client.Patients.SearchAllAsync("Smith").ToListAsync();

        Assert.Equal(2 + IndependentData.ExtraSmiths, smiths.Select(p => p.Uuid).Distinct().Count());
        Assert.All(_server.Received.Where(r => r.Path.EndsWith("/patients", StringComparison.Ordinal)), r => Assert.Contains("page_size=100", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_appointment_is_listed_though_the_server_caps_its_pages()
    {
        for (var day = 0; day < 30; day++)
        {
            await _client.Appointments.CreateAsync(new NewAppointment
            {
                PatientUuid = IndependentData.JonathanSmith,
                AppointmentTypeUuid = IndependentData.Hygiene,
                LocationUuid = IndependentData.MainStreetDental,
                ProviderUuid = IndependentData.PriyaNatarajan,
                ScheduledStart = new DateTime(2025, 6, 2, 8, 30, 0).AddDays(day),
                ScheduledEnd = new DateTime(2025, 6, 2, 9, 15, 0).AddDays(day),
            });
        }

        var listed = await _client.Appointments.ListAllAsync(new AppointmentQuery { PatientUuid = IndependentData.JonathanSmith }).ToListAsync();

        Assert.Equal(31, listed.Count);
    }

    [Fact]
    public async Task A_site_reads_with_members_in_another_order_extra_members_and_optional_ones_left_out()
    {
        var site = await _client.Sites.GetAsync(IndependentData.MainStreetDental);

        Assert.Equal("Main Street Dental", site.Name);
        Assert.Null(site.Address.Line2);
        Assert.Null(site.Contact.Website);
        Assert.Equal(10, site.OpeningHours.Count);
        Assert.Equal("index.home.raft", site.Address.AdditionalProperties["what3words"]?.ToString());
        Assert.Single(await _client.Sites.ListAllAsync().ToListAsync());
    }

    [Fact]
    public async Task The_lifecycle_reads_upper_case_ids_fractional_instants_and_a_request_id_under_a_lower_case_name()
    {
        var created = await _client.Appointments.CreateWithResponseAsync(JaneWithMichaelChen(new DateTime(2025, 5, 21, 9, 0, 0), "Café au lait — first visit"));

        Assert.Equal(201, created.StatusCode);
        Assert.True(Guid.TryParse(created.RequestId, out _));
        Assert.False(created.Replayed);
        Assert.Equal(_server.Clock.GetUtcNow(), created.Value.CreatedAt);
        Assert.Null(created.Value.UpdatedAt);
        var uuid = created.Value.Uuid;

        var read = await _client.Appointments.GetAsync(uuid);
        Assert.Equal("Café au lait — first visit", read.Notes);

        var confirmed = await _client.Appointments.ChangeStatusAsync(uuid, StatusChangeTarget.Confirmed);
        Assert.Equal(AppointmentStatuses.Confirmed, confirmed.Status);
        var moved = await _client.Appointments.UpdateAsync(uuid, new AppointmentChanges { ScheduledStart = new DateTime(2025, 5, 21, 11, 0, 0), ScheduledEnd = new DateTime(2025, 5, 21, 12, 0, 0) });
        Assert.Equal(new DateTime(2025, 5, 21, 11, 0, 0), moved.ScheduledStart);
        var cancelled = await _client.Appointments.CancelAsync(uuid, "Patient called");
        Assert.Equal(AppointmentStatuses.Cancelled, cancelled.Status);

        var refused = await Assert.ThrowsAsync<NexGenInvalidStatusTransitionException>(() => _client.Appointments.ChangeStatusAsync(uuid, StatusChangeTarget.Arrived));
        Assert.Equal(AppointmentStatuses.Cancelled, refused.CurrentStatus);
        Assert.Empty(refused.AllowedTransitions);
        Assert.NotNull(refused.RequestId);
    }

    [Fact]
    public async Task An_unknown_status_and_a_problem_without_detail_or_request_id_in_its_body_are_read()
    {
        var jane = await _client.Appointments.ListAllAsync(new AppointmentQuery { PatientUuid = IndependentData.JaneSmith }).ToListAsync();
        Assert.Contains(jane, a => a.Status == "no_show");

        var missing = await Assert.ThrowsAsync<NexGenNotFoundException>(() => _client.Appointments.GetAsync(Guid.NewGuid()));
        Assert.True(Guid.TryParse(missing.RequestId, out _));
        Assert.Equal(ProblemTypes.NotFound, missing.ProblemType);
    }

    [Fact]
    public async Task A_slot_conflict_with_suggestions_before_the_requested_start_and_for_any_provider_is_read_whole()
    {
        var conflict = await Assert.ThrowsAsync<NexGenSlotConflictException>(() => _client.Appointments.CreateAsync(JaneWithMichaelChen(new DateTime(2025, 5, 20, 10, 0, 0))));

        Assert.Equal(ConflictResources.Provider, conflict.Conflict!.Resource);
        Assert.Equal(new DateTime(2025, 5, 20, 9, 30, 0), conflict.Conflict.ScheduledStart);
        Assert.Equal(4, conflict.SuggestedSlots.Count);
        Assert.Contains(conflict.SuggestedSlots, s => s.ProviderUuid == IndependentData.PriyaNatarajan);
    }

    [Fact]
    public async Task A_token_that_may_not_see_a_practice_is_refused_and_the_other_practice_is_served()
    {
        var options = IndependentClient.Options(_server, IndependentServer.PracticeA);
        options.Token = IndependentServer.TokenForB;
        var forB = new NexGenClient(options);

        await Assert.ThrowsAsync<NexGenForbiddenException>(() => forB.Sites.ListAsync());
        var harbourView = await forB.ForPractice(IndependentServer.Org, IndependentServer.PracticeB).Sites.ListAllAsync().ToListAsync();
        Assert.Equal(IndependentData.HarbourViewDental, Assert.Single(harbourView).Uuid);
    }

    [Fact]
    public async Task A_refused_token_is_a_401_whose_Bearer_challenge_carries_parameters()
    {
        var options = IndependentClient.Options(_server);
        options.Token = "not-a-token";

        var refused = await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => new NexGenClient(options).Sites.ListAsync());

        Assert.Equal(401, refused.StatusCode);
        Assert.Equal(ProblemTypes.Unauthorized, refused.ProblemType);
        Assert.DoesNotContain("not-a-token", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Availability_sent_chunked_is_read_in_order_with_its_time_zone()
    {
        var free = await _client.Schedule.GetAvailabilityAsync(IndependentData.MainStreetDental, IndependentData.NewPatientExam,
            new DateTime(2025, 5, 20, 8, 0, 0), new DateTime(2025, 5, 20, 18, 0, 0), IndependentData.MichaelChen);

        Assert.Equal("America/Los_Angeles", free.Timezone);
        Assert.Equal(free.Total, free.Items.Count);
        Assert.Equal(free.Items.OrderBy(s => s.ScheduledStart), free.Items);
        Assert.DoesNotContain(free.Items, s => s.ScheduledStart < new DateTime(2025, 5, 20, 10, 30, 0) && s.ScheduledEnd > new DateTime(2025, 5, 20, 9, 30, 0));
    }

    /// <summary>A one-hour New Patient Exam for Jane Smith with Michael Chen at Main Street Dental.</summary>
    private static NewAppointment JaneWithMichaelChen(DateTime start, string? notes = null) => new()
    {
        PatientUuid = IndependentData.JaneSmith,
        AppointmentTypeUuid = IndependentData.NewPatientExam,
        LocationUuid = IndependentData.MainStreetDental,
        ProviderUuid = IndependentData.MichaelChen,
        ScheduledStart = start,
        ScheduledEnd = start.AddHours(1),
        Notes = notes,
    };
}
