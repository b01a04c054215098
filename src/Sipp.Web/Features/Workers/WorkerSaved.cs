namespace Sipp.Web.Features.Workers;

/// <summary>What a change of a worker did: the worker, and the sentence that tells the user (late charges included).</summary>
public sealed record WorkerSaved(Guid WorkerId, string Notice);
