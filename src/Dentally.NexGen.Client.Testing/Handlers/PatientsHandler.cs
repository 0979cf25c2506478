using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.State;
using Dentally.NexGen.Client.Testing.Validation;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary>Patient search, registration and lookup.</summary>
internal sealed class PatientsHandler(SandboxState state)
{
    // The sandbox's own bound on a name (the contract sets none), so a fuzzer cannot grow its state without limit.
    private const int MaxNameLength = 100;

    /// <summary>
    /// Case-insensitive partial match on the first name, the last name, or "first last" (so "jane smi"
    /// finds Jane Smith); ordered by last name, then first name.
    /// </summary>
    public SandboxResponse Search(SandboxRequest request)
    {
        var query = new QueryReader(request);
        var text = query.Text("query", maxLength: ContractLimits.PatientQueryMaxLength);
        var page = query.Page();
        var pageSize = query.PageSize();
        if (query.Failure() is { } failure)
        {
            return failure;
        }

        var needle = text is null ? null : string.Join(" ", text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var matches = state.Patients.All
            .Where(p => needle is null || Matches(p, needle))
            .OrderBy(p => p.LastName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.FirstName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return SandboxResponse.Json(Status200OK, new PatientPage { Items = Paging.Slice(matches, page, pageSize), Page = page, PageSize = pageSize, Total = matches.Count });
    }

    public SandboxResponse Create(SandboxRequest request)
    {
        if (!JsonBody.TryReadObject(request, out var body, out var malformed))
        {
            return malformed!;
        }

        var errors = new ValidationErrors();
        var firstName = BodyFields.Text(body, "first_name", errors, required: true, MaxNameLength);
        var lastName = BodyFields.Text(body, "last_name", errors, required: true, MaxNameLength);
        var dateOfBirth = BodyFields.Date(body, "date_of_birth", errors, required: true);
        if (dateOfBirth > state.Today())
        {
            errors.Add("date_of_birth", "must not be in the future");
        }

        var phone = BodyFields.Text(body, "primary_phone", errors, required: false, maxLength: 50);
        var email = BodyFields.Text(body, "email", errors, required: false, maxLength: 254);
        if (email is not null && !LooksLikeEmail(email))
        {
            errors.Add("email", "must be an email address");
        }

        var preferred = BodyFields.Uuid(body, "preferred_provider_uuid", errors, required: false);
        if (preferred is { } providerUuid && state.Providers.Find(providerUuid) is null)
        {
            errors.Add("preferred_provider_uuid", Messages.Unknown("provider"));
        }

        if (errors.Any)
        {
            return Problems.Validation(request, errors);
        }

        var patient = new Patient
        {
            Uuid = Guid.NewGuid(),
            FirstName = firstName!,
            LastName = lastName!,
            DateOfBirth = dateOfBirth!.Value,
            PrimaryPhone = string.IsNullOrEmpty(phone) ? null : phone,
            Email = string.IsNullOrEmpty(email) ? null : email,
            PreferredProviderUuid = preferred,
        };
        state.Patients.Put(patient);
        return SandboxResponse.Json(Status201Created, patient).WithHeader("Location", $"{request.OrganizationPath}/patients/{patient.Uuid}");
    }

    public SandboxResponse Get(SandboxRequest request)
        => request.RouteUuid("patient_uuid") is { } id && state.Patients.Find(id) is { } patient
            ? SandboxResponse.Json(Status200OK, patient)
            : Problems.NotFound(request, $"No patient with uuid {request.RouteValue("patient_uuid")} exists in this organisation.");

    private static bool Matches(Patient patient, string needle)
        => patient.FirstName.Contains(needle, StringComparison.OrdinalIgnoreCase)
            || patient.LastName.Contains(needle, StringComparison.OrdinalIgnoreCase)
            || $"{patient.FirstName} {patient.LastName}".Contains(needle, StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return email.Length > 0 && at > 0 && at < email.Length - 1 && at == email.LastIndexOf('@') && !email.Any(char.IsWhiteSpace);
    }
}
