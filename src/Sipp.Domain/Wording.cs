using System.Globalization;
using System.Resources;
using System.Runtime.CompilerServices;
using System.Text;

namespace Sipp.Domain;

/// <summary>
/// A message written by code — a refusal, a field's error, a notice, an email — in the reader's language. The
/// Indonesian wording is the key: <c>Wording.Of($"Upah minimal {upah}.")</c> looks up "Upah minimal {0}." in
/// <c>Resources/Wording.en.resx</c> when the reader chose English and puts the values back in, formatted in the
/// reader's culture (<see cref="ReaderCulture"/>). Page texts go through the web's localizer instead; this is for
/// sentences built where no page is at hand (the domain's checks, handlers, jobs composing messages).
/// </summary>
public static class Wording
{
    private static readonly ResourceManager English = new("Sipp.Domain.Resources.Wording", typeof(Wording).Assembly);
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    public static string Of(string indonesian) => Translate(indonesian);

    public static string Of(Template message) => string.Format(ReaderCulture.Current, Translate(message.Text), message.Values);

    /// <summary>
    /// A name passed by value into a message — a field's label such as <c>WorkerFields.FullName</c> — in the reader's
    /// language; a name without English (an API's field key such as "tanggalBayar") stays as it is.
    /// </summary>
    public static string OfName(string name) => Translate(name);

    /// <summary>Runs <paramref name="compose"/> with <paramref name="language"/> ("id" or "en") as the reader's, e.g. to write to a person who is not the one making the request.</summary>
    public static T In<T>(string? language, Func<T> compose)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureOf(language);
        try
        {
            return compose();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public static void In(string? language, Action compose) => In(language, () =>
    {
        compose();
        return true;
    });

    /// <summary>The culture of a language stored with an account ("en" English, anything else Indonesian).</summary>
    public static CultureInfo CultureOf(string? language) => language == "en" ? CultureInfo.GetCultureInfo("en-US") : ReaderCulture.Indonesian;

    /// <summary>The reader's language as stored with an account: "en" or "id".</summary>
    public static string CurrentLanguage => ReaderCulture.IsEnglish ? "en" : "id";

    private static string Translate(string key) =>
        ReaderCulture.IsEnglish ? English.GetResourceSet(EnglishCulture, createIfNotExists: true, tryParents: false)?.GetString(key) ?? key : key;

    /// <summary>
    /// An interpolated message taken apart: the wording with numbered holes ("Baris {0}: …") and the values, so that the
    /// wording can be looked up and the values formatted for the reader.
    /// </summary>
    [InterpolatedStringHandler]
    public readonly ref struct Template
    {
        private readonly StringBuilder _text;
        private readonly List<object?> _values;

        public Template(int literalLength, int formattedCount)
        {
            _text = new StringBuilder(literalLength + (formattedCount * 4));
            _values = new List<object?>(formattedCount);
        }

        public string Text => _text.ToString();

        public object?[] Values => [.. _values];

        public void AppendLiteral(string value) => _text.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

        public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

        public void AppendFormatted<T>(T value, string? format)
        {
            _text.Append('{').Append(_values.Count);
            if (format is not null)
            {
                _text.Append(':').Append(format);
            }

            _text.Append('}');
            _values.Add(value);
        }
    }
}
