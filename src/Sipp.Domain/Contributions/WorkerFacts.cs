using Sipp.Domain.People;

namespace Sipp.Domain.Contributions;

/// <summary>What the engine needs to know of one worker for one period.</summary>
/// <param name="Upah">Reported monthly wage (upah pokok + tunjangan tetap), whole rupiah.</param>
/// <param name="RegisteredOn">
/// When the worker was registered, for JKP eligibility (younger than the JKP age limit then). The calculator has no
/// registration date and passes null: the age on the period's first day is used.
/// </param>
public readonly record struct WorkerFacts(long Upah, DateOnly BirthDate, Citizenship Citizenship, DateOnly? RegisteredOn = null);
