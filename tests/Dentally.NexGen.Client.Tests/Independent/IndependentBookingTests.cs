using Dentally.NexGen.Independent;

namespace Dentally.NexGen.Client.Tests.Independent;

/// <summary>
/// The booking workflow against a server that is not the sandbox: written from the contract alone, it
/// differs wherever the contract allows (tests/IndependentServer/README.md). Each test is a defect the
/// SDK had against such a server, or a behaviour checked to hold there too.
/// </summary>
public sealed class IndependentBookingTests : IAsyncLifetime
{
    private static readonly DateTime GuideTen = new(2025, 5, 20, 10, 0, 0);
    private static readonly DateTime WednesdayNine = new(2025, 5, 21, 9, 0, 0);
    private IndependentServer _server = null!;

    public async Task InitializeAsync() => _server = await IndependentServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_guide_walkthrough_books_Jane_Smith_and_rebooks_on_the_409()
    {
        var workflow = new BookingWorkflow(IndependentClient.For(_server));

        var result = await workflow.BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = IndependentData.MainStreetDental,
            Start = GuideTen,
            Notes = "New patient — first visit",
        });

        // 10:00 is Jonathan's until 10:30 (Michael Chen): the first free hour with him is 10:30.
        Assert.True(result.Rebooked);
        Assert.Equal(new DateTime(2025, 5, 20, 10, 30, 0), result.Appointment.ScheduledStart);
        Assert.Equal(new DateTime(2025, 5, 20, 11, 30, 0), result.Appointment.ScheduledEnd);
        Assert.Equal(IndependentData.MichaelChen, result.Appointment.Provider.Uuid);
        Assert.Equal(IndependentData.NewPatientExam, result.Appointment.AppointmentType.Uuid);
        var booked = Assert.Single(_server.Booked, a => a.Patient.Uuid == IndependentData.JaneSmith && a.Status == "scheduled");
        Assert.Equal(result.Appointment.Uuid, booked.Uuid);
        Assert.Equal("New patient — first visit", booked.Notes);
    }

    [Fact]
    public async Task A_rerun_of_a_rebooked_booking_gets_the_replayed_409_and_returns_the_earlier_appointment()
    {
        var request = new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = IndependentData.MainStreetDental,
            Start = GuideTen,
            Notes = "New patient — first visit",
            IdempotencyKey = "booking-4715",
        };
        var first = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);

        // The server replays the first POST's 409 (its suggestions as they were), and sends no header saying so.
        var rerun = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);

        Assert.True(first.Rebooked);
        Assert.Equal(first.Appointment.Uuid, rerun.Appointment.Uuid);
        Assert.Single(_server.Booked, a => a.Patient.Uuid == IndependentData.JaneSmith && a.Status == "scheduled");
    }

    [Fact]
    public async Task A_full_name_picks_its_patient_from_a_search_that_answers_every_word()
    {
        // The server answers "Jane Smith" with all 32 Smiths (any word matches), over two capped pages.
        var result = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(Booking(patientQuery: "Jane Smith"));

        Assert.Equal(IndependentData.JaneSmith, result.Appointment.Patient.Uuid);
    }

    [Fact]
    public async Task Two_patients_with_the_queried_full_name_stay_ambiguous_between_those_two()
    {
        var namesake = new PatientRecord(Guid.Parse("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), "jane", "SMITH", new DateOnly(2001, 7, 7), null, null, IndependentData.MichaelChen);
        lock (_server.Data)
        {
            _server.Data.Patients.Add(namesake);
        }

        var ambiguous = await Assert.ThrowsAsync<AmbiguousPatientException>(
            () => new BookingWorkflow(IndependentClient.For(_server)).BookAsync(Booking(patientQuery: "Jane  Smith")));

        Assert.Equal(new[] { IndependentData.JaneSmith, namesake.Uuid }.Order(), ambiguous.Candidates.Select(c => c.Uuid).Order());
    }

    [Fact]
    public async Task A_key_reused_at_another_practice_of_a_server_that_scopes_keys_to_the_token_is_refused_not_booked_twice()
    {
        var workflow = new BookingWorkflow(IndependentClient.For(_server));
        var atMainStreet = Booking();
        atMainStreet.IdempotencyKey = "booking-9000";
        var atHarbourView = Booking();
        atHarbourView.IdempotencyKey = "booking-9000";
        atHarbourView.LocationUuid = IndependentData.HarbourViewDental;
        atHarbourView.ProviderUuid = IndependentData.PriyaNatarajan;
        await workflow.BookAsync(atMainStreet);

        await Assert.ThrowsAsync<BookingKeyReusedException>(
            () => workflow.ForPractice(IndependentServer.Org, IndependentServer.PracticeB).BookAsync(atHarbourView));

        Assert.DoesNotContain(_server.Booked, a => a.Site.Uuid == IndependentData.HarbourViewDental);
    }

    [Fact]
    public async Task A_surname_alone_stays_ambiguous_with_every_match_across_the_capped_pages()
    {
        var ambiguous = await Assert.ThrowsAsync<AmbiguousPatientException>(
            () => new BookingWorkflow(IndependentClient.For(_server)).BookAsync(Booking(patientQuery: "Smith")));

        Assert.Equal(2 + IndependentData.ExtraSmiths, ambiguous.Candidates.Count);
        Assert.DoesNotContain(_server.Booked, a => a.CurrentStart == WednesdayNine);
    }

    [Fact]
    public async Task A_patient_on_the_second_capped_page_is_found_by_date_of_birth()
    {
        var last = IndependentData.ExtraSmiths;
        var request = Booking(patientQuery: "Smith");
        request.PatientDateOfBirth = new DateTime(1950, 1, 1).AddDays(last * 400);

        var result = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);

        Assert.Equal(IndependentData.ExtraSmith(last), result.Appointment.Patient.Uuid);
        Assert.Equal(2, _server.Received.Count(r => r.Path.EndsWith("/patients", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_patient_created_for_the_booking_is_read_from_the_servers_own_answer()
    {
        var request = Booking(patientQuery: "Zoe Quinn");
        request.CreatePatientIfMissing = new PatientCreate { FirstName = "Zoe", LastName = "Quinn", DateOfBirth = new DateTime(1990, 2, 3) };
        request.IdempotencyKey = "booking-4714";

        var result = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);

        var created = Assert.Single(_server.Data.Patients, p => p.LastName == "Quinn");
        Assert.Equal(created.Uuid, result.Appointment.Patient.Uuid);
        Assert.Equal("booking-4714/patient", _server.Received.Single(r => r.Method == "POST" && r.Path.EndsWith("/patients", StringComparison.Ordinal)).Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_code_shared_with_an_archived_type_books_the_active_one()
    {
        // The archived NPE is listed first; the contract does not make codes unique.
        var result = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(Booking());

        Assert.Equal(IndependentData.NewPatientExam, result.Appointment.AppointmentType.Uuid);
        Assert.Equal(WednesdayNine.AddMinutes(60), result.Appointment.ScheduledEnd);
    }

    [Fact]
    public async Task A_rerun_the_server_no_longer_replays_finds_its_appointment_though_lists_leave_notes_out()
    {
        var request = Booking();
        request.Notes = "Bring X-rays";
        request.IdempotencyKey = "booking-4711";
        var first = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);

        // Past the contract's 24 hours the server forgets the key: the rerun's POST meets the earlier
        // run's appointment, which the list of appointments shows without its notes.
        _server.Clock.Advance(TimeSpan.FromHours(25));
        var rerun = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);

        Assert.True(rerun.AlreadyBooked);
        Assert.Equal(first.Appointment.Uuid, rerun.Appointment.Uuid);
        Assert.Single(_server.Booked, a => a.Patient.Uuid == IndependentData.JaneSmith && a.CurrentStart.Date == WednesdayNine.Date);
    }

    [Fact]
    public async Task A_rerun_within_24_hours_gets_the_replay_though_nothing_says_it_is_one()
    {
        var request = Booking();
        request.IdempotencyKey = "booking-4712";
        var first = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);

        var rerun = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);

        Assert.Equal(first.Appointment.Uuid, rerun.Appointment.Uuid);
        Assert.Single(_server.Booked, a => a.CurrentStart == WednesdayNine);
        var posts = _server.Received.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal("booking-4712/appointment", posts[1].Header("Idempotency-Key"));
    }

    [Fact]
    public async Task A_rerun_while_the_first_POST_still_runs_waits_out_key_in_use_without_Retry_After_and_gets_the_replay()
    {
        using var hold = _server.HoldKeyedCreates();
        var request = Booking();
        request.IdempotencyKey = "booking-4713";
        var first = new BookingWorkflow(IndependentClient.For(_server)).BookAsync(request);
        await hold.Reached.WaitAsync(TimeSpan.FromMinutes(1));

        // The rerun's clock moves only when the test moves it: its wait after the 409 is seen armed first.
        var options = IndependentClient.Options(_server);
        var clock = new TestClock();
        options.TimeProvider = clock;
        var rerun = new BookingWorkflow(new NexGenClient(options)).BookAsync(request);
        await clock.WhenArmedAsync(options.Retry.IdempotencyKeyInUseDelay);
        hold.Release();
        var booked = await first;
        clock.Advance(options.Retry.IdempotencyKeyInUseDelay);
        var replayed = await rerun;

        Assert.Equal(booked.Appointment.Uuid, replayed.Appointment.Uuid);
        Assert.Single(_server.Booked, a => a.CurrentStart == WednesdayNine);
        Assert.Equal(3, _server.Received.Count(r => r.Method == "POST" && r.Header("Idempotency-Key") == "booking-4713/appointment"));
    }

    [Fact]
    public async Task An_answer_lost_after_the_commit_is_retried_with_its_key_and_books_once()
    {
        _server.LoseAnswerAfterCommit("POST", "/appointments");

        var result = await new BookingWorkflow(IndependentClient.For(_server)).BookAsync(Booking());

        var posts = _server.Received.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Header("Idempotency-Key"), posts[1].Header("Idempotency-Key"));
        Assert.Equal(result.Appointment.Uuid, Assert.Single(_server.Booked, a => a.CurrentStart == WednesdayNine).Uuid);
        Assert.False(result.Rebooked);
    }

    [Fact]
    public async Task A_503_whose_Retry_After_is_an_HTTP_date_is_waited_out_and_retried()
    {
        _server.AnswerNext("POST", "/appointments", _server.Unavailable(TimeSpan.FromSeconds(2)));
        var options = IndependentClient.Options(_server);
        var started = options.TimeProvider.GetUtcNow();

        var result = await new BookingWorkflow(new NexGenClient(options)).BookAsync(Booking());

        // Measured from the answer's own Date: exactly the 2 seconds asked for, on the client's clock.
        Assert.Equal(TimeSpan.FromSeconds(2), options.TimeProvider.GetUtcNow() - started);
        Assert.Equal(2, _server.Received.Count(r => r.Method == "POST"));
        Assert.Equal(result.Appointment.Uuid, Assert.Single(_server.Booked, a => a.CurrentStart == WednesdayNine).Uuid);
    }

    [Fact]
    public async Task Two_practices_book_through_one_workflow_each_under_its_own_practice_id()
    {
        var workflow = new BookingWorkflow(IndependentClient.For(_server));
        var harbourView = workflow.ForPractice(IndependentServer.Org, IndependentServer.PracticeB);
        var atHarbourView = Booking();
        atHarbourView.LocationUuid = IndependentData.HarbourViewDental;
        atHarbourView.ProviderUuid = IndependentData.PriyaNatarajan;
        atHarbourView.AppointmentTypeCode = "HYG";

        var results = await Task.WhenAll(workflow.BookAsync(Booking()), harbourView.BookAsync(atHarbourView));

        Assert.Equal(IndependentData.MainStreetDental, results[0].Appointment.Location.Uuid);
        Assert.Equal(IndependentData.HarbourViewDental, results[1].Appointment.Location.Uuid);
        var posts = _server.Received.Where(r => r.Method == "POST").ToList();
        Assert.Contains(posts, p => p.Header("X-Practice-Id") == IndependentServer.PracticeA && p.Body.Contains(IndependentData.MainStreetDental.ToString(), StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Header("X-Practice-Id") == IndependentServer.PracticeB && p.Body.Contains(IndependentData.HarbourViewDental.ToString(), StringComparison.Ordinal));
    }

    /// <summary>Jane Smith, a New Patient Exam with Michael Chen at Main Street Dental, Wednesday 09:00 (free).</summary>
    private static BookingRequest Booking(string? patientQuery = null) => new()
    {
        PatientUuid = patientQuery is null ? IndependentData.JaneSmith : null,
        PatientQuery = patientQuery,
        ProviderUuid = IndependentData.MichaelChen,
        AppointmentTypeCode = "NPE",
        LocationUuid = IndependentData.MainStreetDental,
        Start = WednesdayNine,
    };
}
