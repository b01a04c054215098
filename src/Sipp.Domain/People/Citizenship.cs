namespace Sipp.Domain.People;

public enum Citizenship
{
    /// <summary>Warga Negara Indonesia.</summary>
    Wni = 1,

    /// <summary>Warga Negara Asing.</summary>
    Wna = 2,
}
