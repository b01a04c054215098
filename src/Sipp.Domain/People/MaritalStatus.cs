namespace Sipp.Domain.People;

public enum MaritalStatus
{
    BelumKawin = 1,
    Kawin = 2,
    CeraiHidup = 3,
    CeraiMati = 4,
}
