namespace Dentally.NexGen.Client;

/// <summary>Patient search and registration (experimental in the API).</summary>
public class PatientsOperations
{
    private readonly IPatientsClient _raw;
    private readonly NexGenScope _scope;

    /// <summary>For mocking: a test double derived from this class overrides the members it needs.</summary>
    protected PatientsOperations()
    {
        _raw = null!;
        _scope = null!;
    }

    internal PatientsOperations(IPatientsClient raw, NexGenScope scope)
    {
        _raw = raw;
        _scope = scope;
    }

    /// <summary>Searches patients by first name, last name or a partial match across both.</summary>
    /// <param name="query">The search text, no longer than the contract's <c>maxLength</c> for <c>searchPatients</c>' <c>query</c>; <see langword="null"/> lists every patient.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Items per page, from 1 to the contract's <c>page_size</c> maximum.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page of matches.</returns>
    public virtual Task<PatientPage> SearchAsync(string? query, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default)
        => _raw.SearchPatientsAsync(_scope.OrganizationId, _scope.PracticeId, Query(query), Validate.Page(page), Validate.PageSize(pageSize), cancellationToken);

    /// <summary>As <see cref="SearchAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="query">The search text, no longer than the contract's <c>maxLength</c> for <c>searchPatients</c>' <c>query</c>; <see langword="null"/> lists every patient.</param>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Items per page, from 1 to the contract's <c>page_size</c> maximum.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<PatientPage>> SearchWithResponseAsync(string? query, int? page = null, int? pageSize = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => SearchAsync(query, page, pageSize, cancellationToken));

    /// <summary>Every match, fetched page by page as the caller enumerates.</summary>
    /// <param name="query">The search text, no longer than the contract's <c>maxLength</c> for <c>searchPatients</c>' <c>query</c>; <see langword="null"/> lists every patient.</param>
    /// <param name="pageSize">Items per request, from 1 to the contract's <c>page_size</c> maximum (the default).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The matching patients.</returns>
    public virtual IAsyncEnumerable<Patient> SearchAllAsync(string? query, int pageSize = Validate.MaxPageSize, CancellationToken cancellationToken = default)
    {
        var text = Query(query);
        Validate.PageSize(pageSize);
        return Pager.WalkAsync(
            "searchPatients",
            (page, ct) => _raw.SearchPatientsAsync(_scope.OrganizationId, _scope.PracticeId, text, page, pageSize, ct),
            p => new PageShape<Patient>(p.Items, p.Page, p.PageSize, p.Total), item => item.Uuid, pageSize, cancellationToken);
    }

    /// <summary>Gets one patient.</summary>
    /// <param name="patientUuid">The patient.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The patient.</returns>
    public virtual Task<Patient> GetAsync(Guid patientUuid, CancellationToken cancellationToken = default)
        => _raw.GetPatientAsync(_scope.OrganizationId, Validate.Id(patientUuid, nameof(patientUuid)), _scope.PracticeId, cancellationToken);

    /// <summary>As <see cref="GetAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="patientUuid">The patient.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<Patient>> GetWithResponseAsync(Guid patientUuid, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => GetAsync(patientUuid, cancellationToken));

    /// <summary>
    /// Registers a patient. The call carries an idempotency key that the SDK's own retries reuse; calling
    /// this method again makes a new key, so pass your own <paramref name="idempotencyKey"/> to retry safely yourself.
    /// </summary>
    /// <param name="patient">First name, last name and date of birth (a date, without a time of day) are required; an email, when set, must be an address.</param>
    /// <param name="idempotencyKey">Your own key (printable ASCII, within the contract's length); by default a new one per call (when automatic keys are on).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created patient.</returns>
    /// <exception cref="ArgumentException">A member of <paramref name="patient"/> or the key breaks the contract; nothing was sent.</exception>
    public virtual Task<Patient> CreateAsync(PatientCreate patient, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(patient, nameof(patient));
        if (NewPatientRules.Problems(patient, nameof(patient)).FirstOrDefault() is { } problem)
        {
            throw problem;
        }

        return _raw.CreatePatientAsync(patient, _scope.OrganizationId, _scope.PracticeId, _scope.IdempotencyKey(idempotencyKey), cancellationToken);
    }

    /// <summary>As <see cref="CreateAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="patient">First name, last name and date of birth are required.</param>
    /// <param name="idempotencyKey">Your own key; by default a new one per call (when automatic keys are on).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<Patient>> CreateWithResponseAsync(PatientCreate patient, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => CreateAsync(patient, idempotencyKey, cancellationToken));

    private static string? Query(string? query)
        => query is null ? null : Validate.MaxLength(Validate.Text(query, nameof(query)), ContractNumbers.SearchPatientsQueryMaxLength, nameof(query));
}
