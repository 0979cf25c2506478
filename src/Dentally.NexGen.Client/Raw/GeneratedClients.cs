namespace Dentally.NexGen.Client;

// NSwag's template leaves the HttpClient unchecked; each generated client checks it in the partial
// Initialize() its constructor calls, so a null fails at construction rather than on the first call.

/// <summary>The generated client of the API's Sites operations.</summary>
public partial class SitesClient { partial void Initialize() => Guard.NotNull(_httpClient, "httpClient"); }

/// <summary>The generated client of the API's Patients operations.</summary>
public partial class PatientsClient { partial void Initialize() => Guard.NotNull(_httpClient, "httpClient"); }

/// <summary>The generated client of the API's Providers operations.</summary>
public partial class ProvidersClient { partial void Initialize() => Guard.NotNull(_httpClient, "httpClient"); }

/// <summary>The generated client of the API's AppointmentTypes operations.</summary>
public partial class AppointmentTypesClient { partial void Initialize() => Guard.NotNull(_httpClient, "httpClient"); }

/// <summary>The generated client of the API's Appointments operations.</summary>
public partial class AppointmentsClient { partial void Initialize() => Guard.NotNull(_httpClient, "httpClient"); }

/// <summary>The generated client of the API's Schedule operations.</summary>
public partial class ScheduleClient { partial void Initialize() => Guard.NotNull(_httpClient, "httpClient"); }
