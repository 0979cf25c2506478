namespace Dentally.NexGen.Client;

/// <summary>Practice sites: addresses, contact details and opening hours. Scoped by the configured practice.</summary>
public class SitesOperations
{
    private readonly ISitesClient _raw;
    private readonly NexGenScope _scope;

    /// <summary>For mocking: a test double derived from this class overrides the members it needs.</summary>
    protected SitesOperations()
    {
        _raw = null!;
        _scope = null!;
    }

    internal SitesOperations(ISitesClient raw, NexGenScope scope)
    {
        _raw = raw;
        _scope = scope;
    }

    /// <summary>Lists one page of sites.</summary>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, from 1 to the contract's <c>page_size</c> maximum (the server's default when omitted).</param>
    /// <param name="isActive">When set, only sites whose active flag equals it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The page.</returns>
    public virtual Task<SitePage> ListAsync(int? page = null, int? pageSize = null, bool? isActive = null, CancellationToken cancellationToken = default)
        => _raw.ListSitesAsync(_scope.PracticeId, Validate.Page(page), Validate.PageSize(pageSize), isActive, cancellationToken);

    /// <summary>As <see cref="ListAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, from 1 to the contract's <c>page_size</c> maximum (the server's default when omitted).</param>
    /// <param name="isActive">When set, only sites whose active flag equals it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<SitePage>> ListWithResponseAsync(int? page = null, int? pageSize = null, bool? isActive = null, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => ListAsync(page, pageSize, isActive, cancellationToken));

    /// <summary>Every site, fetched page by page as the caller enumerates.</summary>
    /// <param name="isActive">When set, only sites whose active flag equals it.</param>
    /// <param name="pageSize">Items per request, from 1 to the contract's <c>page_size</c> maximum (the default).</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The sites.</returns>
    public virtual IAsyncEnumerable<Site> ListAllAsync(bool? isActive = null, int pageSize = Validate.MaxPageSize, CancellationToken cancellationToken = default)
    {
        Validate.PageSize(pageSize);
        return Pager.WalkAsync(
            "listSites",
            (page, ct) => _raw.ListSitesAsync(_scope.PracticeId, page, pageSize, isActive, ct),
            p => new PageShape<Site>(p.Items, p.Page, p.PageSize, p.Total), item => item.Uuid, pageSize, cancellationToken);
    }

    /// <summary>Gets one site.</summary>
    /// <param name="siteUuid">The site.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The site.</returns>
    public virtual Task<Site> GetAsync(Guid siteUuid, CancellationToken cancellationToken = default)
        => _raw.GetSiteAsync(_scope.PracticeId, Validate.Id(siteUuid, nameof(siteUuid)), cancellationToken);

    /// <summary>As <see cref="GetAsync"/>, with the answer's status code, request id and whether the server replayed it.</summary>
    /// <param name="siteUuid">The site.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value with the response's metadata.</returns>
    public virtual Task<NexGenResponse<Site>> GetWithResponseAsync(Guid siteUuid, CancellationToken cancellationToken = default)
        => ResponseCapture.RunAsync(() => GetAsync(siteUuid, cancellationToken));
}
