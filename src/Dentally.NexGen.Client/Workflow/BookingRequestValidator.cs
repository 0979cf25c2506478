namespace Dentally.NexGen.Client;

/// <summary>
/// Rejects a bad <see cref="BookingRequest"/> before the workflow sends anything, reporting every
/// problem at once: one problem is thrown as it is (naming its field), several as one
/// <see cref="ArgumentException"/> whose message lists each field and whose ParamName is the first.
/// </summary>
internal static class BookingRequestValidator
{
    public static void Validate(BookingRequest request)
    {
        Guard.NotNull(request, nameof(request));
        var problems = new List<ArgumentException>();
        void Check(Action check)
        {
            try
            {
                check();
            }
            catch (ArgumentException problem)
            {
                problems.Add(problem);
            }
        }

        void Add(string message, string field) => problems.Add(new ArgumentException(message, field));

        if (request.PatientUuid is null == string.IsNullOrWhiteSpace(request.PatientQuery))
        {
            Add("Set exactly one of request.PatientUuid and request.PatientQuery.", "request.PatientQuery");
        }

        Check(() => Client.Validate.MaxLength(request.PatientQuery, ContractNumbers.SearchPatientsQueryMaxLength, "request.PatientQuery"));
        Check(() => Client.Validate.OptionalId(request.PatientUuid, "request.PatientUuid"));
        if (request.CreatePatientIfMissing is { } create)
        {
            if (request.PatientQuery is null)
            {
                Add("request.CreatePatientIfMissing needs request.PatientQuery.", "request.CreatePatientIfMissing");
            }

            problems.AddRange(NewPatientRules.Problems(create, "request.CreatePatientIfMissing"));
        }

        if (request.PatientDateOfBirth is { } born)
        {
            // It only narrows a search: beside a PatientUuid it would be silently ignored.
            if (request.PatientQuery is null)
            {
                Add("request.PatientDateOfBirth needs request.PatientQuery.", "request.PatientDateOfBirth");
            }
            else if (NewPatientRules.DateOfBirthProblem(born, "request.PatientDateOfBirth") is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (request.AppointmentTypeUuid is null == string.IsNullOrWhiteSpace(request.AppointmentTypeCode))
        {
            Add("Set exactly one of request.AppointmentTypeCode and request.AppointmentTypeUuid.", "request.AppointmentTypeCode");
        }

        Check(() => Client.Validate.OptionalId(request.AppointmentTypeUuid, "request.AppointmentTypeUuid"));
        Check(() => Client.Validate.Id(request.LocationUuid, "request.LocationUuid"));
        Check(() => Client.Validate.OptionalId(request.ProviderUuid, "request.ProviderUuid"));
        Check(() => PracticeLocalTime.Check(Client.Validate.Required(request.Start, "request.Start"), "request.Start"));

        if (request.End is { } end)
        {
            Check(() => PracticeLocalTime.Check(end, "request.End"));
            Check(() => Client.Validate.EndAfterStart(end > request.Start, "request.Start", "request.End"));
        }

        if (request.Notes is { Length: > ContractNumbers.AppointmentCreateNotesMaxLength })
        {
            Add(Client.Validate.TooLong("request.Notes", ContractNumbers.AppointmentCreateNotesMaxLength), "request.Notes");
        }

        if (request.IdempotencyKey is { } key && !BookingKeys.IsValid(key))
        {
            Add($"request.IdempotencyKey must be 1 to {BookingKeys.MaxLength} visible ASCII characters (spaces only inside).", "request.IdempotencyKey");
        }

        if (request.Rebooking is not { } policy)
        {
            problems.Add(new ArgumentNullException("request.Rebooking"));
        }
        else
        {
            if (policy.MaxRebookAttempts is < 0 or > RebookingPolicy.MaxAllowedRebookAttempts)
            {
                problems.Add(new ArgumentOutOfRangeException("request.Rebooking.MaxRebookAttempts", policy.MaxRebookAttempts, $"MaxRebookAttempts must be between 0 and {RebookingPolicy.MaxAllowedRebookAttempts}."));
            }

            if (policy.MaxDelay is { } delay && (delay <= TimeSpan.Zero || delay > TimeSpan.FromDays(Client.Validate.MaxAvailabilityDays)))
            {
                problems.Add(new ArgumentOutOfRangeException("request.Rebooking.MaxDelay", delay, $"MaxDelay must be positive and at most {Client.Validate.MaxAvailabilityDays} days."));
            }
            else if (PracticeLocalTime.IsValid(request.Start) && !policy.TryGetWindowEnd(request.Start, out _))
            {
                // The window a conflict would be rebooked in is worked out before the first POST,
                // not after it: a window past the calendar's end is refused with nothing sent.
                var (window, field, remedy) = policy.MaxDelay is null
                    ? ("until midnight after request.Start", "request.Start", "an earlier start, or a request.Rebooking.MaxDelay that ends by then")
                    : ("request.Rebooking.MaxDelay after request.Start", "request.Rebooking.MaxDelay", "an earlier start or a shorter MaxDelay");
                Add($"{field}: the rebooking window ({window}) would end after 9999-12-31T23:59:59, the last time a DateTime holds; choose {remedy}.", field);
            }
        }

        switch (problems.Count)
        {
            case 0:
                return;
            case 1:
                throw problems[0];
            default:
                // ParamName is the first field at fault; the message names them all.
                throw new ArgumentException(
                    $"The booking request has {problems.Count} problems: " + string.Join(" ", problems.Select(Describe)),
                    problems[0].ParamName);
        }
    }

    // "request.Start: …" once per problem, without the runtime's "(Parameter '…')" and "Actual value was …" lines.
    private static string Describe(ArgumentException problem)
    {
        var message = problem.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message.Substring(0, cut);
        }

        cut = message.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message.Substring(0, cut);
        }

        message = message.TrimEnd('.');
        var field = problem.ParamName ?? "request";
        return message.StartsWith(field, StringComparison.Ordinal) ? message + "." : $"{field}: {message}.";
    }
}
