using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// The appointments the check's booking lifecycle made, so that each is cancelled whatever failed: those
/// whose answer named them, whether a create's outcome is unknown (no answer, or one after which the server
/// may have booked), and whether a booking may have been made that no answer named.
/// </summary>
internal sealed class CheckBookings(string runKey)
{
    private readonly List<string> _ids = [];
    private int _unanswered;

    /// <summary>
    /// The notes of every appointment this run books: the same words each run, and the run's own key, so a look at
    /// the slot takes this run's appointments only, never those of another run of the check at the same time.
    /// </summary>
    public string Notes { get; } = $"Booked and cancelled by the NexGen contract check (run {runKey}).";

    /// <summary>The appointments booked, by uuid, in the order met.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>Whether a booking was accepted (a 2xx) whose answer named no appointment the check could cancel.</summary>
    public bool Unnamed { get; private set; }

    /// <summary>Whether a booking may have been made that the check could not learn of: its answer lost, and asking again failed too.</summary>
    public bool Uncertain { get; private set; }

    /// <summary>Whether anything may have been booked that no answer named: only then is the slot looked at.</summary>
    public bool MayHoldUnseen => _unanswered > 0 || Unnamed || Uncertain;

    /// <summary>Whether the server may have applied a create answered so: a 408 or a 500, 502, 503 or 504 (429 refuses it unread).</summary>
    public static bool MayHaveBeenApplied(int status) => status != 429 && TransientStatus.Is(status);

    /// <summary>Records that a create is about to be sent: its outcome is unknown until <see cref="Answered"/>.</summary>
    public void Sending() => _unanswered++;

    /// <summary>Records a create's answer: its outcome is known unless the server may have applied it all the same.</summary>
    public void Answered(ProbeAnswer answer)
    {
        if (!MayHaveBeenApplied(answer.Status) && _unanswered > 0)
        {
            _unanswered--;
        }
    }

    /// <summary>Records that a booking may have been made unseen.</summary>
    public void MayHaveBooked() => Uncertain = true;

    /// <summary>Adds an appointment of the check's found by a look at its slot; whether no answer had named it.</summary>
    public bool Found(string id)
    {
        if (_ids.Contains(id))
        {
            return false;
        }

        _ids.Add(id);
        return true;
    }

    /// <summary>A complete look at the slot found what no answer named: nothing else of the check's is unseen.</summary>
    public void Settled() => (_unanswered, Uncertain, Unnamed) = (0, false, false);

    /// <summary>Notes the appointment a success names; a success naming none is a booking the check cannot cancel. Returns its uuid.</summary>
    public string? Note(ProbeAnswer answer)
    {
        if (!answer.IsSuccess)
        {
            return null;
        }

        // An id sent as a number (ids become integers) still names the appointment to cancel.
        var id = (answer.Body as JObject)?["uuid"] is JValue { Type: JTokenType.String or JTokenType.Integer } value ? value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        if (string.IsNullOrEmpty(id))
        {
            Unnamed = true;
            return null;
        }

        Found(id);
        return id;
    }
}
