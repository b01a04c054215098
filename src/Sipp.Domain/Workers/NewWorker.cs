using Sipp.Domain.Identifiers;
using Sipp.Domain.People;
using F = Sipp.Domain.Workers.WorkerFields;

namespace Sipp.Domain.Workers;

/// <summary>A new participant and their employment, as entered in "Tambah Tenaga Kerja" (Tidak) or an upload row.</summary>
public sealed record NewWorker(
    Nik? Nik,
    PersonName FullName,
    PersonName BirthPlace,
    DateOnly BirthDate,
    Sex Sex,
    PersonName MotherMaidenName,
    Citizenship Citizenship,
    PassportNumber? Passport,
    CountryCode? Country,
    MaritalStatus MaritalStatus,
    string Address,
    string PostalCode,
    PhoneNumber? Phone,
    EmailAddress? Email,
    Npwp? Npwp,
    NewEmployment Employment);

/// <summary>The employment part, also used when a person with a KPJ joins ("Sudah memiliki KPJ? Ya").</summary>
public sealed record NewEmployment(EmploymentType Type, DateOnly WorkStart, DateOnly? ContractEnd, DateOnly MembershipStart, long Upah, EmployeeNumber? Number = null);

public static class NewWorkerParser
{
    public const int MinimumWorkingAge = 15;

    public static (NewWorker? Worker, IReadOnlyDictionary<string, string[]> Errors) Parse(IReadOnlyDictionary<string, string?> values)
    {
        var v = new FieldValues(values);
        var citizenship = v.Choice(F.Citizenship, true, (Citizenship.Wni, ["WNI"]), (Citizenship.Wna, ["WNA"]));
        var birthDate = v.Date(F.BirthDate, true);
        var sex = v.Choice(F.Sex, true, (Sex.Male, ["Laki-laki", "L", "Pria"]), (Sex.Female, ["Perempuan", "P", "Wanita"]));
        Nik? nik = null;
        PassportNumber? passport = null;
        CountryCode? country = null;
        if (citizenship == Citizenship.Wna)
        {
            if (v.Text(F.Nik) is not null)
            {
                v.Fail(F.Nik, Wording.Of("Tenaga kerja asing (WNA) tidak memiliki NIK; isi Nomor Paspor dan Negara."));
            }

            passport = v.Parse<PassportNumber>(F.Passport, true, PassportNumber.TryParse);
            country = v.Parse<CountryCode>(F.Country, true, CountryCode.TryParse);
            if (country is { Value: "ID" })
            {
                v.Fail(F.Country, Wording.Of("Negara tenaga kerja asing tidak boleh Indonesia (ID)."));
            }
        }
        else
        {
            nik = v.Parse<Nik>(F.Nik, true, Identifiers.Nik.TryParse);
            if (nik is { } n && birthDate is { } b && sex is { } s && n.CheckAgainst(b, s) is { } mismatch)
            {
                v.Fail(F.Nik, mismatch);
            }
        }

        var fullName = v.Parse<PersonName>(F.FullName, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.FullName));
        var birthPlace = v.Parse<PersonName>(F.BirthPlace, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.BirthPlace));
        var mother = v.Parse<PersonName>(F.MotherMaidenName, true, (string? i, out PersonName o, out string e) => PersonName.TryParse(i, out o, out e, F.MotherMaidenName));
        var marital = v.Choice(F.MaritalStatus, true,
            (MaritalStatus.BelumKawin, ["Belum Kawin", "BK", "Lajang"]), (MaritalStatus.Kawin, ["Kawin", "K", "Menikah"]),
            (MaritalStatus.CeraiHidup, ["Cerai Hidup", "CH"]), (MaritalStatus.CeraiMati, ["Cerai Mati", "CM"]));
        var address = v.Required(F.Address);
        if (address is { Length: > 500 })
        {
            v.Fail(F.Address, Wording.Of("Alamat paling panjang 500 karakter."));
        }

        var postalCode = v.Required(F.PostalCode);
        if (postalCode is not null && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
        {
            v.Fail(F.PostalCode, Wording.Of("Kode Pos harus 5 angka."));
        }

        var phone = v.Parse<PhoneNumber>(F.Phone, false, PhoneNumber.TryParse);
        var email = v.Parse<EmailAddress>(F.Email, false, EmailAddress.TryParse);
        var npwp = v.Parse<Npwp>(F.Npwp, false, Identifiers.Npwp.TryParse);
        var employment = ParseEmployment(v, birthDate);

        if (v.HasErrors)
        {
            return (null, v.ToDictionary());
        }

        return (new NewWorker(
            nik, fullName!.Value, birthPlace!.Value, birthDate!.Value, sex!.Value, mother!.Value, citizenship!.Value, passport, country,
            marital!.Value, address!, postalCode!, phone, email, npwp, employment!), v.ToDictionary());
    }

    /// <summary>Status Pegawai, the dates and the wage; used by both paths of "Tambah Tenaga Kerja".</summary>
    public static NewEmployment? ParseEmployment(FieldValues v, DateOnly? birthDate)
    {
        var type = v.Choice(F.EmploymentType, true, (EmploymentType.Pkwt, ["PKWT", "Kontrak"]), (EmploymentType.Pkwtt, ["PKWTT", "Tetap"]));
        var workStart = v.Date(F.WorkStart, true);
        var contractEnd = v.Date(F.ContractEnd, false);
        var membershipStart = v.Date(F.MembershipStart, true);
        var upah = v.Rupiah(F.Wage);
        var number = v.Parse<EmployeeNumber>(F.EmployeeNumber, false, EmployeeNumber.TryParse);

        if (type == EmploymentType.Pkwt && contractEnd is null && !v.Errors.ContainsKey(F.ContractEnd))
        {
            v.Fail(F.ContractEnd, Wording.Of("Tanggal Akhir Kontrak wajib diisi untuk PKWT."));
        }

        if (type == EmploymentType.Pkwtt && contractEnd is not null)
        {
            v.Fail(F.ContractEnd, Wording.Of("Tanggal Akhir Kontrak hanya diisi untuk PKWT."));
        }

        if (contractEnd is { } end && workStart is { } startOfWork && end <= startOfWork)
        {
            v.Fail(F.ContractEnd, Wording.Of("Tanggal Akhir Kontrak harus sesudah Tanggal Mulai Kerja."));
        }

        if (membershipStart is { } membership && workStart is { } start && membership < start)
        {
            v.Fail(F.MembershipStart, Wording.Of("Tanggal Mulai Kepesertaan tidak boleh sebelum Tanggal Mulai Kerja."));
        }

        if (birthDate is { } birth && workStart is { } work && !Birthdays.HasTurned(birth, MinimumWorkingAge, work))
        {
            v.Fail(F.BirthDate, Wording.Of($"Tenaga kerja harus berusia minimal {MinimumWorkingAge} tahun pada Tanggal Mulai Kerja."));
        }

        return v.HasErrors || type is null || workStart is null || membershipStart is null || upah is null
            ? null
            : new NewEmployment(type.Value, workStart.Value, contractEnd, membershipStart.Value, upah.Value, number);
    }
}
