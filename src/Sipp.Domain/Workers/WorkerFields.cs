namespace Sipp.Domain.Workers;

/// <summary>
/// The visible names of the worker fields (product.md §4): form labels, upload column headers and the keys of
/// validation errors, so that a message lands next to the right field or cell.
/// </summary>
public static class WorkerFields
{
    public const string Kpj = "Nomor Peserta (KPJ)";
    public const string Nik = "NIK";
    public const string FullName = "Nama Lengkap";
    public const string BirthPlace = "Tempat Lahir";
    public const string BirthDate = "Tanggal Lahir";
    public const string Sex = "Jenis Kelamin";
    public const string MotherMaidenName = "Nama Ibu Kandung";
    public const string Citizenship = "Kewarganegaraan";
    public const string Passport = "Nomor Paspor";
    public const string Country = "Negara";
    public const string MaritalStatus = "Status Kawin";
    public const string Address = "Alamat";
    public const string PostalCode = "Kode Pos";
    public const string Phone = "Nomor Handphone";
    public const string Email = "Email";
    public const string Npwp = "NPWP";
    public const string EmploymentType = "Status Pegawai";
    public const string WorkStart = "Tanggal Mulai Kerja";
    public const string ContractEnd = "Tanggal Akhir Kontrak";
    public const string MembershipStart = "Tanggal Mulai Kepesertaan";
    public const string Wage = "Upah";
    public const string EndDate = "Tanggal Non Aktif";
    public const string EndReason = "Alasan";
    public const string WageFrom = "Periode Mulai";
    public const string EmployeeNumber = "Nomor Pegawai";

    /// <summary>The columns of "Upload Tenaga Kerja Baru", in template order.</summary>
    public static readonly IReadOnlyList<string> NewWorkerColumns =
    [
        EmployeeNumber, Nik, FullName, BirthPlace, BirthDate, Sex, MotherMaidenName, Citizenship, Passport, Country, MaritalStatus, Address,
        PostalCode, Phone, Email, Npwp, EmploymentType, WorkStart, ContractEnd, MembershipStart, Wage,
    ];
}
