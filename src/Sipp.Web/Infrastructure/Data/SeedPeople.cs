using System.Globalization;
using Sipp.Domain.Identifiers;
using Sipp.Domain.People;

namespace Sipp.Web.Infrastructure.Data;

/// <summary>Plausible Indonesian people for the development seed, with NIKs that pass every check.</summary>
internal static class SeedPeople
{
    private static readonly string[] MaleNames =
    [
        "Agus", "Ahmad", "Andi", "Bambang", "Bayu", "Dedi", "Dimas", "Eko", "Fajar", "Hendra", "Irfan", "Joko",
        "Kurniawan", "Made", "Muhammad", "Nugroho", "Putu", "Rizky", "Rudi", "Slamet", "Taufik", "Wahyu", "Yusuf", "Hadi",
    ];

    private static readonly string[] FemaleNames =
    [
        "Ani", "Ayu", "Dewi", "Endang", "Fitri", "Indah", "Kartika", "Lestari", "Maya", "Nur", "Putri", "Ratna",
        "Rina", "Sari", "Siti", "Sri", "Tuti", "Wulan", "Yanti", "Dian", "Nia", "Ketut", "Intan", "Melati",
    ];

    private static readonly string[] FamilyNames =
    [
        "Santoso", "Wijaya", "Saputra", "Hidayat", "Setiawan", "Pratama", "Kusuma", "Nasution", "Siregar", "Lubis",
        "Harahap", "Simanjuntak", "Gunawan", "Purnomo", "Susanto", "Rahmawati", "Hartono", "Utomo", "Halim", "Wibowo",
        "Permana", "Sembiring", "Tanjung", "Firmansyah", "Sulistyo", "Maharani", "Ginting", "Syahputra",
    ];

    private static readonly string[] MotherNames = ["Sumiati", "Suparmi", "Kasmini", "Sutinah", "Murni", "Aminah", "Rohani", "Sukarsih"];

    /// <summary>(regency code used in NIKs, city name) per office.</summary>
    public static readonly (string NikPrefix, string City, string PostalPrefix)[] Regions =
    [
        ("317101", "Jakarta Selatan", "121"),
        ("317301", "Jakarta Pusat", "101"),
        ("357801", "Surabaya", "602"),
        ("327301", "Bandung", "401"),
        ("337401", "Semarang", "501"),
    ];

    public static SeedPerson Create(Random random, int serial, (string NikPrefix, string City, string PostalPrefix) region)
    {
        var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
        var first = sex == Sex.Male ? MaleNames[random.Next(MaleNames.Length)] : FemaleNames[random.Next(FemaleNames.Length)];
        var name = $"{first} {FamilyNames[random.Next(FamilyNames.Length)]}";
        var birthDate = new DateOnly(1963, 1, 1).AddDays(random.Next(0, 40 * 365));
        var nik = NikFor(region.NikPrefix, birthDate, sex, serial);
        var phone = "+628" + random.NextInt64(1_100_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
        var street = $"Jl. {FamilyNames[random.Next(FamilyNames.Length)]} No. {random.Next(1, 200)}, {region.City}";
        var postalCode = region.PostalPrefix + random.Next(10, 99).ToString(CultureInfo.InvariantCulture);
        return new SeedPerson(name, sex, birthDate, nik, region.City, MotherNames[random.Next(MotherNames.Length)], phone, street, postalCode);
    }

    public static string NikFor(string regionPrefix, DateOnly birthDate, Sex sex, int serial)
    {
        var day = birthDate.Day + (sex == Sex.Female ? 40 : 0);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{regionPrefix}{day:D2}{birthDate.Month:D2}{birthDate.Year % 100:D2}{(serial % 9_999) + 1:D4}");
        return Nik.Parse(text).Value; // fail loudly if the seed ever produced an invalid NIK
    }
}

internal sealed record SeedPerson(
    string Name, Sex Sex, DateOnly BirthDate, string Nik, string BirthPlace, string MotherMaidenName, string Phone, string Address, string PostalCode);
