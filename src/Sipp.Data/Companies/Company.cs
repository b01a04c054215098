namespace Sipp.Data.Companies;

/// <summary>A company in the BPJS registry, identified by its NPP. Kept by officers.</summary>
public class Company
{
    public Guid Id { get; set; }

    /// <summary>NPP, 8 digits.</summary>
    public required string Npp { get; set; }

    public required string Name { get; set; }

    /// <summary>NPWP of the company, 16 digits, when known.</summary>
    public string? Npwp { get; set; }

    /// <summary>JKK risk class 1–5.</summary>
    public int JkkRiskClass { get; set; }

    public CompanySize Size { get; set; }

    /// <summary>Takes part in JP: required for medium and large companies; micro and small may opt out.</summary>
    public bool TakesPartInJp { get; set; }

    /// <summary>Industri padat karya (labour-intensive): JKK discount in the periods the rule table says.</summary>
    public bool LabourIntensive { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<Division> Divisions { get; set; } = [];
}

public enum CompanySize
{
    Mikro = 1,
    Kecil = 2,
    Menengah = 3,
    Besar = 4,
}
