using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.Substitution;

/// <summary>Every result and exception a caller handles can be built by a test, and holds what the SDK would give it.</summary>
public sealed class ModelFactoryTests : IAsyncLifetime
{
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public static TheoryData<int, Type> StatusesAndTypes => new()
    {
        { 400, typeof(NexGenMalformedRequestException) },
        { 401, typeof(NexGenUnauthorizedException) },
        { 403, typeof(NexGenForbiddenException) },
        { 404, typeof(NexGenNotFoundException) },
        { 409, typeof(NexGenConflictException) },
        { 422, typeof(NexGenValidationException) },
        { 429, typeof(NexGenRateLimitedException) },
        { 503, typeof(NexGenServerException) },
        { 418, typeof(NexGenApiException) },
    };

    [Theory]
    [MemberData(nameof(StatusesAndTypes))]
    public void ApiException_picks_the_type_the_sdk_throws_for_the_status(int status, Type expected)
    {
        var exception = NexGenModelFactory.ApiException(status, requestId: "req_1", retryAfter: TimeSpan.FromSeconds(3));

        Assert.IsType(expected, exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("req_1", exception.RequestId);
        Assert.Equal(TimeSpan.FromSeconds(3), exception.RetryAfter);
    }

    [Fact]
    public async Task A_built_422_equals_the_one_the_sdk_throws_for_the_same_response()
    {
        var archived = _sandbox.SeedAppointmentType(new AppointmentType { Code = "OLD", Name = "Archived", DurationMinutes = 30, Color = "#000000", IsActive = false });
        var client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());
        var thrown = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Appointments.CreateAsync(new NewAppointment
        {
            PatientUuid = SandboxSeed.JaneSmith,
            AppointmentTypeUuid = archived.Uuid,
            LocationUuid = SandboxSeed.MainStreetDental,
            ProviderUuid = SandboxSeed.MichaelChen,
            ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
            ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
        }));

        var built = NexGenModelFactory.ValidationException((ValidationProblem?)thrown.Problem, thrown.RequestId);

        Assert.Contains("appointment_type_uuid", thrown.Errors.Keys);
        Assert.Equal(thrown.Message, built.Message);
        Assert.Equal(thrown.Errors, built.Errors);
        Assert.Equal(thrown.ProblemType, built.ProblemType);
        Assert.IsType(thrown.GetType(), NexGenModelFactory.ApiException(thrown.StatusCode, thrown.Problem, thrown.RequestId));
    }

    [Fact]
    public async Task A_built_booking_result_equals_the_one_the_workflow_returns()
    {
        _sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 10, 0, 0));
        var real = await new BookingWorkflow(new NexGenClient(_sandbox.CreateOptions().OnTestClock())).BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
        });

        var built = NexGenModelFactory.BookingResult(real.Appointment, real.Attempts, real.HttpRequestCount, real.IdempotencyKey);

        Assert.True(real.Rebooked);
        Assert.Equal(real.Rebooked, built.Rebooked);
        Assert.Equal(real.AlreadyBooked, built.AlreadyBooked);
        Assert.Equal(real.Attempts, built.Attempts);
        Assert.Equal(real.HttpRequestCount, built.HttpRequestCount);
        Assert.Equal(real.IdempotencyKey, built.IdempotencyKey);
        Assert.False(NexGenModelFactory.BookingResult(real.Appointment).Rebooked);
    }

    [Fact]
    public void Every_exception_and_result_type_can_be_built_with_its_data()
    {
        var slot = new Slot { ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0), ScheduledEnd = new DateTime(2025, 5, 20, 10, 30, 0), ProviderUuid = Guid.NewGuid(), LocationUuid = SandboxSeed.MainStreetDental };
        var conflict = NexGenModelFactory.SlotConflictException(new ConflictProblem { Status = 409, Title = "Slot conflict", SuggestedSlots = [slot] }, "req_9");
        var transition = NexGenModelFactory.InvalidStatusTransitionException(new InvalidStatusTransitionProblem { Status = 409, Title = "No", CurrentStatus = "completed", AllowedTransitions = [] });
        var patient = new Patient { Uuid = SandboxSeed.JaneSmith, FirstName = "Jane", LastName = "Smith", DateOfBirth = new DateTime(1985, 3, 14) };
        var attempt = NexGenModelFactory.BookingAttempt(slot, BookingAttemptOutcome.Conflict);

        var built = new Exception[]
        {
            NexGenModelFactory.MalformedRequestException(),
            NexGenModelFactory.UnauthorizedException(),
            NexGenModelFactory.ForbiddenException(),
            NexGenModelFactory.NotFoundException(),
            NexGenModelFactory.ConflictException(),
            conflict,
            transition,
            NexGenModelFactory.IdempotencyKeyInUseException(retryAfter: TimeSpan.FromSeconds(1)),
            NexGenModelFactory.IdempotencyKeyMismatchException(),
            NexGenModelFactory.RateLimitedException(retryAfter: TimeSpan.FromSeconds(2)),
            NexGenModelFactory.ServerException(503),
            NexGenModelFactory.ValidationException(),
            NexGenModelFactory.TransportException("The connection was refused", new HttpRequestException("refused")),
            NexGenModelFactory.TimeoutException("Timed out", new TimeoutException()),
            NexGenModelFactory.ContractViolationException("getAppointment", "$.scheduled_start", requestId: "req_7"),
            NexGenModelFactory.PatientNotFoundException(idempotencyKey: "k"),
            NexGenModelFactory.AmbiguousPatientException([NexGenModelFactory.PatientCandidate(patient)], "k"),
            NexGenModelFactory.AppointmentTypeUnavailableException("NPE", inactive: true, "k"),
            NexGenModelFactory.ProviderNotSpecifiedException(SandboxSeed.JaneSmith, "k"),
            NexGenModelFactory.SlotUnavailableException("no slot", [attempt], [slot], conflict, "k"),
            NexGenModelFactory.BookingOutcomeUnknownException("k", slot, new HttpRequestException()),
            NexGenModelFactory.BookingKeyReusedException("k"),
        };

        var publicExceptionTypes = typeof(NexGenClient).Assembly.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        var notBuilt = publicExceptionTypes.Where(t => t != typeof(NexGenApiException) && t != typeof(NexGenBookingException) && !built.Any(b => b.GetType() == t)).ToList();
        Assert.True(notBuilt.Count == 0, "Not built here: " + string.Join(", ", notBuilt));
        Assert.All(built.OfType<NexGenBookingException>(), b => Assert.Equal("k", b.IdempotencyKey));
        Assert.Equal([slot], conflict.SuggestedSlots);
        Assert.Equal("req_9", conflict.RequestId);
        Assert.Equal("completed", transition.CurrentStatus);
        Assert.Equal(SandboxSeed.JaneSmith, NexGenModelFactory.PatientCandidate(patient).Uuid);
        Assert.True(NexGenModelFactory.AppointmentTypeLookup([], fromCache: true).FromCache);
        Assert.Equal(0, ((NexGenTransportException)built[12]).StatusCode);
    }
}
