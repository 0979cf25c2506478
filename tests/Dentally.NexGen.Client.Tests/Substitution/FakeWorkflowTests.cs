using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.Substitution;

/// <summary>
/// An integrator's own code, unit-tested with hand-written fakes of the SDK (no mocking library, no
/// server): the Azure SDK way, by overriding virtual members of classes made through their protected constructors.
/// </summary>
public sealed class FakeWorkflowTests
{
    private static readonly Guid Provider1 = new("e5f6a7b8-c9d0-1234-efab-456789012345");

    [Fact]
    public async Task A_fake_workflow_returns_a_result_built_by_the_model_factory()
    {
        var appointment = Appointment(new Guid("11111111-2222-3333-4444-555555555555"), new DateTime(2025, 5, 20, 10, 30, 0));
        var requested = Slot(new DateTime(2025, 5, 20, 10, 0, 0));
        var fake = new FakeBookingWorkflow(_ => NexGenModelFactory.BookingResult(
            appointment,
            [
                NexGenModelFactory.BookingAttempt(requested, BookingAttemptOutcome.Conflict, ProblemTypes.SlotConflict),
                NexGenModelFactory.BookingAttempt(Slot(new DateTime(2025, 5, 20, 10, 30, 0)), BookingAttemptOutcome.Booked),
            ],
            httpRequestCount: 3,
            idempotencyKey: "booking-8841",
            requested: requested));

        var reply = await new ReceptionDesk(fake).BookAsync("Jane Smith", new DateTime(2025, 5, 20, 10, 0, 0));

        Assert.Equal("Booked 11111111-2222-3333-4444-555555555555 at 2025-05-20T10:30:00 (moved from your first choice)", reply);
        Assert.Equal("Jane Smith", Assert.Single(fake.Requests).PatientQuery);
    }

    [Fact]
    public async Task A_fake_workflow_throws_the_sdks_own_exceptions_and_the_code_under_test_handles_them()
    {
        var slotGone = new FakeBookingWorkflow(_ => throw NexGenModelFactory.SlotUnavailableException(
            "the policy allowed no replacement", [NexGenModelFactory.BookingAttempt(Slot(new DateTime(2025, 5, 20, 10, 0, 0)), BookingAttemptOutcome.Conflict)]));
        var invalid = new FakeBookingWorkflow(_ => throw NexGenModelFactory.ValidationException(new ValidationProblem
        {
            Title = "Validation failed",
            Status = 422,
            Errors = new Dictionary<string, IList<string>> { ["scheduled_end"] = ["must be after scheduled_start"] },
        }));
        var unknown = new FakeBookingWorkflow(_ => throw NexGenModelFactory.BookingOutcomeUnknownException(
            "booking-8841", Slot(new DateTime(2025, 5, 20, 10, 0, 0)), NexGenModelFactory.TimeoutException("The call timed out", new TimeoutException())));

        Assert.Equal("No slot left after 1 attempt(s)", await new ReceptionDesk(slotGone).BookAsync("Jane Smith", new DateTime(2025, 5, 20, 10, 0, 0)));
        Assert.Equal("Please fix: scheduled_end", await new ReceptionDesk(invalid).BookAsync("Jane Smith", new DateTime(2025, 5, 20, 10, 0, 0)));
        Assert.Equal("Try again with booking-8841", await new ReceptionDesk(unknown).BookAsync("Jane Smith", new DateTime(2025, 5, 20, 10, 0, 0)));
    }

    [Fact]
    public async Task A_fake_client_replaces_one_area_and_leaves_the_rest_alone()
    {
        var site = new Site { Uuid = SandboxSeed.MainStreetDental, Name = "Main Street Dental" };
        var client = new FakeClient(new FakeSites(site));

        var found = await client.Sites.GetAsync(site.Uuid);

        Assert.Same(site, found);
        Assert.Throws<NotSupportedException>(() => client.Patients);
    }

    private static Slot Slot(DateTime start) => new()
    {
        ScheduledStart = start,
        ScheduledEnd = start.AddHours(1),
        ProviderUuid = Provider1,
        LocationUuid = SandboxSeed.MainStreetDental,
    };

    private static Appointment Appointment(Guid uuid, DateTime start) => new()
    {
        Uuid = uuid,
        Status = AppointmentStatuses.Scheduled,
        ScheduledStart = start,
        ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
        Provider = new Provider { Uuid = Provider1 },
        Location = new LocationSummary { Uuid = SandboxSeed.MainStreetDental },
    };

    /// <summary>The code under test: an app's own class that books through the SDK.</summary>
    private sealed class ReceptionDesk(BookingWorkflow workflow)
    {
        public async Task<string> BookAsync(string patient, DateTime start)
        {
            try
            {
                var result = await workflow.BookAsync(new BookingRequest
                {
                    PatientQuery = patient,
                    AppointmentTypeCode = "NPE",
                    LocationUuid = SandboxSeed.MainStreetDental,
                    Start = start,
                });
                return $"Booked {result.Appointment.Uuid} at {result.Appointment.ScheduledStart:s}" + (result.Rebooked ? " (moved from your first choice)" : "");
            }
            catch (SlotUnavailableException e)
            {
                return $"No slot left after {e.Attempts.Count} attempt(s)";
            }
            catch (NexGenValidationException e)
            {
                return "Please fix: " + string.Join(", ", e.Errors.Keys);
            }
            catch (BookingOutcomeUnknownException e)
            {
                return "Try again with " + e.IdempotencyKey;
            }
        }
    }

    // A hand-written fake: derive, override what your code calls. No server, no mocking library.
    private sealed class FakeBookingWorkflow(Func<BookingRequest, BookingResult> answer) : BookingWorkflow
    {
        public List<BookingRequest> Requests { get; } = [];

        public override Task<BookingResult> BookAsync(BookingRequest request, CancellationToken cancellationToken = default)
        {
            Requests.Add(request);
            return Task.FromResult(answer(request)); // or: throw NexGenModelFactory.SlotUnavailableException(…)
        }
    }

    private sealed class FakeClient(SitesOperations sites) : NexGenClient
    {
        public override SitesOperations Sites => sites;

        public override PatientsOperations Patients => throw new NotSupportedException("not faked");
    }

    private sealed class FakeSites(Site site) : SitesOperations
    {
        public override Task<Site> GetAsync(Guid siteUuid, CancellationToken cancellationToken = default)
            => siteUuid == site.Uuid ? Task.FromResult(site) : throw NexGenModelFactory.NotFoundException();
    }
}
