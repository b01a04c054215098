using Sipp.Domain.People;

namespace Sipp.Domain.Identifiers;

/// <summary>NIK (Nomor Induk Kependudukan): 16 digits PP KK CC DD MM YY SSSS.</summary>
public readonly record struct Nik
{
    private static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
        61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
    ];

    private Nik(string value) => Value = value;

    public string Value { get; }

    public int BirthDay => IdentifierText.TwoDigits(Value, 6) % 40;

    public int BirthMonth => IdentifierText.TwoDigits(Value, 8);

    public int BirthYearTwoDigits => IdentifierText.TwoDigits(Value, 10);

    public Sex Sex => IdentifierText.TwoDigits(Value, 6) > 40 ? Sex.Female : Sex.Male;

    /// <summary>Only the last four digits, for lists: ************0001.</summary>
    public string Masked => new string('*', 12) + Value[12..];

    public static bool TryParse(string? input, out Nik nik, out string error)
    {
        nik = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = Wording.Of("NIK wajib diisi.");
            return false;
        }

        var text = IdentifierText.StripSeparators(input, ".");
        if (text.Length != 16 || !IdentifierText.IsAsciiDigits(text))
        {
            error = Wording.Of("NIK harus terdiri dari 16 angka.");
            return false;
        }

        var province = IdentifierText.TwoDigits(text, 0);
        if (!ProvinceCodes.Contains(province))
        {
            error = Wording.Of($"Kode provinsi pada NIK ({text[..2]}) tidak dikenal.");
            return false;
        }

        if (IdentifierText.TwoDigits(text, 2) == 0)
        {
            error = Wording.Of("Kode kabupaten/kota pada NIK (digit 3–4) tidak boleh 00.");
            return false;
        }

        if (IdentifierText.TwoDigits(text, 4) == 0)
        {
            error = Wording.Of("Kode kecamatan pada NIK (digit 5–6) tidak boleh 00.");
            return false;
        }

        var dayField = IdentifierText.TwoDigits(text, 6);
        var day = dayField > 40 ? dayField - 40 : dayField;
        if (day is < 1 or > 31 || dayField is > 31 and < 41)
        {
            error = Wording.Of("Tanggal lahir pada NIK (digit 7–8) harus 01–31, atau 41–71 untuk perempuan.");
            return false;
        }

        var month = IdentifierText.TwoDigits(text, 8);
        if (month is < 1 or > 12)
        {
            error = Wording.Of("Bulan lahir pada NIK (digit 9–10) harus 01–12.");
            return false;
        }

        var year = IdentifierText.TwoDigits(text, 10);
        // Two digits cannot say the century; the date exists when it exists in 19YY or 20YY (29 February).
        if (day > DateTime.DaysInMonth(1900 + year, month) && day > DateTime.DaysInMonth(2000 + year, month))
        {
            error = Wording.Of("Tanggal lahir pada NIK tidak ada di kalender.");
            return false;
        }

        if (text.AsSpan(12).SequenceEqual("0000"))
        {
            error = Wording.Of("Nomor urut pada NIK (4 digit terakhir) tidak boleh 0000.");
            return false;
        }

        nik = new Nik(text);
        error = string.Empty;
        return true;
    }

    public static Nik Parse(string? input, string field = "nik") =>
        TryParse(input, out var nik, out var error) ? nik : throw new DomainValidationException(field, error);

    /// <summary>
    /// Cross-checks the NIK against a birth date and sex recorded beside it. Returns null when they agree,
    /// otherwise a message naming the part that disagrees.
    /// </summary>
    public string? CheckAgainst(DateOnly birthDate, Sex sex)
    {
        if (BirthDay != birthDate.Day)
        {
            return Wording.Of($"Tanggal lahir pada NIK ({BirthDay:D2}) tidak sesuai dengan Tanggal Lahir ({birthDate.Day:D2}).");
        }

        if (BirthMonth != birthDate.Month)
        {
            return Wording.Of($"Bulan lahir pada NIK ({BirthMonth:D2}) tidak sesuai dengan Tanggal Lahir ({birthDate.Month:D2}).");
        }

        if (BirthYearTwoDigits != birthDate.Year % 100)
        {
            return Wording.Of($"Tahun lahir pada NIK ({BirthYearTwoDigits:D2}) tidak sesuai dengan Tanggal Lahir ({birthDate.Year % 100:D2}).");
        }

        if (Sex != sex)
        {
            return Sex == Sex.Female
                ? Wording.Of("NIK menunjukkan perempuan (tanggal lahir + 40), tidak sesuai dengan Jenis Kelamin.")
                : Wording.Of("NIK menunjukkan laki-laki, tidak sesuai dengan Jenis Kelamin (untuk perempuan tanggal lahir pada NIK ditambah 40).");
        }

        return null;
    }

    public override string ToString() => Value;
}
