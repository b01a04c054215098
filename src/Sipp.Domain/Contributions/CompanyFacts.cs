namespace Sipp.Domain.Contributions;

/// <summary>What the engine needs to know of the company (set by BPJS in the registry).</summary>
/// <param name="JkkRiskClass">1–5.</param>
/// <param name="TakesPartInJp">Medium and large companies must; micro and small ones may opt out.</param>
/// <param name="LabourIntensive">Industri padat karya: JKK discount in the periods the rule table says.</param>
public sealed record CompanyFacts(int JkkRiskClass, bool TakesPartInJp, bool LabourIntensive);
